package vn.doithoai.local.runtime;

/**
 * Work under way in the local runtime's asynchronous parts (a schedule firing, a bus delivery waiting or
 * retrying, a stream batch), counted so that the clock endpoint, the demo and tests can wait until it has
 * settled. Each start also moves a generation on, so that a waiter can tell "nothing happened while I looked"
 * from "something started and finished while I looked" without sleeping to find out.
 */
final class Activity {
  private int inFlight;
  private long generation;

  synchronized void begin() {
    inFlight++;
    generation++;
  }

  synchronized void end() {
    inFlight--;
    notifyAll();
  }

  synchronized boolean idle() {
    return inFlight == 0;
  }

  /** How many pieces of work have started so far. */
  synchronized long generation() {
    return generation;
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
