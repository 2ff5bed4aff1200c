package vn.doithoai.local.runtime;

/**
 * Work under way in the local runtime's asynchronous parts (a schedule firing, a bus delivery waiting or
 * retrying, a stream batch), counted so that the clock endpoint, the demo and tests can wait until it has
 * settled.
 */
final class Activity {
  private int inFlight;

  synchronized void begin() {
    inFlight++;
  }

  synchronized void end() {
    inFlight--;
    notifyAll();
  }

  synchronized boolean idle() {
    return inFlight == 0;
  }

  /** Waits until nothing is in flight; false if {@code deadlineNanos} (System.nanoTime) passed first. */
  synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    while (inFlight > 0) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
