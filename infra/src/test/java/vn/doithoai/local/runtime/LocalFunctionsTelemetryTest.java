package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalFunctionsTelemetryTest {
  @Test
  @DisplayName("the terminal gets each JSON line readable: function, route, status, latency, then the rest")
  void readable() {
    assertEquals("OpinionsFunction POST /opinions 201 12ms commune=demo", LocalFunctions.readable(
        "{\"time\":\"2026-12-07T00:00:00Z\",\"level\":\"INFO\",\"type\":\"invocation\",\"requestId\":\"r1\","
            + "\"function\":\"OpinionsFunction\",\"step\":\"http-request\",\"route\":\"POST /opinions\","
            + "\"commune\":\"demo\",\"status\":201,\"outcome\":\"ok\",\"latencyMs\":12}"));
    assertEquals("MailerFunction mail-sweep ok 3ms sent=2", LocalFunctions.readable("{\"level\":\"INFO\","
        + "\"function\":\"MailerFunction\",\"step\":\"mail-sweep\",\"outcome\":\"ok\",\"latencyMs\":3,\"sent\":2}"));
    assertEquals("metric IntakeFunction channel=website OpinionsReceived=1", LocalFunctions.readable(
        "{\"_aws\":{\"Timestamp\":1},\"function\":\"IntakeFunction\",\"channel\":\"website\","
            + "\"OpinionsReceived\":1}"));
    assertEquals("not json", LocalFunctions.readable("not json"));
  }
}
