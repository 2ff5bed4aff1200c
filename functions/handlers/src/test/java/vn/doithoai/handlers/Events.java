package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.doithoai.core.common.Json;

/** Loads the sample events of {@code events/} into the SDK's payload-2.0 event type, as the runtime would. */
final class Events {
  static final Path DIR = Path.of("..", "..", "events");

  private Events() {}

  /** The event file with placeholders (PLAN_ID, OPINION_ID, …) replaced. */
  static APIGatewayV2HTTPEvent load(String name, Map<String, String> replacements) {
    try {
      String text = Files.readString(DIR.resolve(name + ".json"), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      return toEvent(Json.readObject(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static APIGatewayV2HTTPEvent load(String name) {
    return load(name, Map.of());
  }

  /** The event file as JSON (the events of functions outside the HTTP API are handed over as such). */
  static Map<String, Object> json(String name) {
    try {
      return Json.readObject(Files.readString(DIR.resolve(name + ".json"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static APIGatewayV2HTTPEvent toEvent(Map<String, Object> m) {
    return SampleEvents.http(m);
  }
}
