package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, item 4: a fuzz suite over the webhook's parse-and-validate path (signed deliveries, JSON and form,
 * fuzzed commune path segment) and the staff JSON reader (opinions, plans, communes, answers with a fuzzed
 * opinion id), through the real handlers against DynamoDB Local. Bodies grow from {@link FuzzCorpus}: of
 * eight, one is a seed as is, two a well-formed seed with one to three values replaced (to reach validation and
 * the writes), four a seed after one to five byte-level mutations, one random bytes. The property: every answer
 * is a status from 200 to 499, nothing is thrown.
 *
 * <p>Not coverage-guided: a seeded random mutator, reproducible from the printed case seed
 * ({@code -Dfuzz.case=…} replays one case). CI runs {@code fuzz.bodies} (default {@value #CI_BODIES}); the long
 * run is {@code -Dfuzz.bodies=1000000} (README).
 */
class FuzzTest {
  static final long CI_BODIES = 10_000;

  @Test
  @DisplayName("no body, path segment or route a client can send gets a 5xx or an uncaught throwable")
  void noInputReachesTheFiveHundredPath() {
    long bodies = Long.getLong("fuzz.bodies", CI_BODIES);
    Long replay = Long.getLong("fuzz.case");
    FuzzTargets targets = new FuzzTargets();
    Random seeds = new Random(Long.getLong("fuzz.seed", 11L));
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int failed = 0;
    long started = System.nanoTime();
    for (long i = 0; i < (replay == null ? bodies : 1); i++) {
      long caseSeed = replay == null ? seeds.nextLong() : replay;
      String outcome;
      String input = "";
      try {
        Case c = Case.next(new Random(caseSeed));
        input = c.describe();
        APIGatewayV2HTTPResponse r = c.run(targets);
        outcome = Integer.toString(r.getStatusCode());
      } catch (Throwable t) {
        outcome = "thrown " + t.getClass().getName();
      }
      statuses.merge(outcome.length() == 3 ? outcome.charAt(0) + "xx " + outcome : outcome, 1, Integer::sum);
      if ((i + 1) % 100_000 == 0) {
        System.out.printf("fuzz: %d requests, %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
      }
      if (!outcome.matches("[234]\\d\\d")) {
        failed++;
        if (failures.size() < 10) {
          failures.add("case " + caseSeed + " → " + outcome + ": " + input);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("fuzz: %d requests in %.1f s (%.0f/s), %d failed; statuses %s%n", targets.requests.get(),
        seconds, targets.requests.get() / seconds, failed, statuses);
    assertTrue(failed == 0, failed + " requests failed, first ones:\n" + String.join("\n", failures));
  }

  /** One request: which target, with what path segment and body. */
  private record Case(int target, String route, String segment, byte[] body) {
    static Case next(Random r) {
      int target = r.nextInt(20);
      if (target < 7) {
        return new Case(0, null, "demo", body(FuzzCorpus.WEBHOOK, r));
      }
      if (target < 9) {
        return new Case(1, null, "demo", body(FuzzCorpus.FORM, r));
      }
      if (target < 12) {
        return new Case(2, null, segment(r), body(FuzzCorpus.WEBHOOK, r));
      }
      String route = FuzzCorpus.STAFF_ROUTES.get(r.nextInt(FuzzCorpus.STAFF_ROUTES.size()));
      return new Case(3, route, r.nextInt(3) == 0 ? "demo" : segment(r), body(FuzzCorpus.STAFF, r));
    }

    APIGatewayV2HTTPResponse run(FuzzTargets t) {
      return switch (target) {
        case 0, 2 -> t.webhook(segment, "application/json; charset=utf-8", body);
        case 1 -> t.webhook(segment, "application/x-www-form-urlencoded", body);
        default -> t.staff(route, route.contains("{communeId}") ? Map.of("communeId", segment)
            : route.contains("{opinionId}") ? Map.of("opinionId", segment) : Map.of(), body);
      };
    }

    String describe() {
      return (route == null ? "webhook " + target : route) + " segment " + escape(segment) + " body "
          + escape(new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] body(List<String> seeds, Random r) {
      int kind = r.nextInt(8);
      String seed = seeds.get(r.nextInt(seeds.size()));
      if (kind == 0) {
        return seed.getBytes(StandardCharsets.UTF_8);
      }
      if (kind <= 2 && seed.startsWith("{\"") && seed.length() < 2000 && isObject(seed)) {
        return FuzzCorpus.revalue(seed, r);
      }
      if (kind == 7) {
        byte[] b = new byte[r.nextInt(512)];
        r.nextBytes(b);
        return b;
      }
      return FuzzCorpus.mutate(seed, r);
    }

    private static boolean isObject(String seed) {
      try {
        vn.doithoai.core.common.Json.readObject(seed);
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }

    private static String segment(Random r) {
      String seed = FuzzCorpus.PATH_SEGMENTS.get(r.nextInt(FuzzCorpus.PATH_SEGMENTS.size()));
      return switch (r.nextInt(3)) {
        case 0 -> seed;
        case 1 -> new String(FuzzCorpus.mutate(seed, r), StandardCharsets.UTF_8);
        default -> r.ints(r.nextInt(40), 0, 0x3000).collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString();
      };
    }
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().limit(300).forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
        : String.format("\\u{%x}", c)));
    return sb.toString();
  }
}
