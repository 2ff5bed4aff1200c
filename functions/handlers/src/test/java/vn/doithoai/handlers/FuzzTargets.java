package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * The real handlers as the fuzz suite drives them: the webhook with a real Standard Webhooks signature over the
 * fuzzed bytes (so the body gets past the MAC into parsing and validation), and staff routes with a signed-in
 * member's claims, all against DynamoDB Local. Every answer must be a status below 500.
 */
final class FuzzTargets {
  static final Instant NOW = HandlerEventsTest.EVENTS_INSTANT;
  private static final String SECRET = HandlerEventsTest.SECRET;

  private final App app;
  private final WebhookHandler webhook;
  private final OpinionsHandler opinions;
  private final PlansHandler plans;
  private final CommunesHandler communes;
  private final AtomicLong deliveries = new AtomicLong();
  final AtomicLong requests = new AtomicLong();

  FuzzTargets() {
    DynamoTable table = TestTable.create();
    app = new App(table, Clock.fixed(NOW, ZoneOffset.UTC), "https://xa.example.vn/doithoai",
        new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(),
        List.of(new WebhookSecret("ws1", SECRET, NOW, Optional.empty())));
    webhook = new WebhookHandler(app.submittingOpinion());
    opinions = new OpinionsHandler(app.handlingOpinions());
    plans = new PlansHandler(app.managingPlans());
    communes = new CommunesHandler(app.managingCommunes(), app.changingCalendar(), app.calendars(),
        app.usageStatements());
  }

  /**
   * One webhook delivery of {@code body}, signed. Most deliveries reuse one of a few webhook ids, so a valid
   * body mostly ends as 200 or 422 after full validation and the table stays small; one in 32 is new and
   * writes its opinion.
   */
  APIGatewayV2HTTPResponse webhook(String communeId, String contentType, byte[] body) {
    long n = deliveries.incrementAndGet();
    String id = n % 32 == 0 ? "msg_fuzz_" + n : "msg_fuzz_pool_" + (n % 4);
    String ts = Long.toString(NOW.getEpochSecond());
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", contentType);
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", ts);
    headers.put("webhook-signature", "v1," + sign(id + "." + ts + ".", body));
    return call(webhook, "POST /webhooks/{commune}/opinions", Map.of("commune", communeId), headers, body, null);
  }

  /** A staff route as the office (or, for communes, the admin) of the demo commune. */
  APIGatewayV2HTTPResponse staff(String routeKey, Map<String, String> pathParameters, byte[] body) {
    ApiHandler handler = routeKey.contains("/communes") ? communes : routeKey.contains("/plans") ? plans : opinions;
    String role = routeKey.contains("/communes") ? "[admin]" : routeKey.contains("/answer") ? "[agency]" : "[office]";
    Map<String, String> claims = Map.of("sub", "fuzz-staff", "name", "Cán bộ", "commune", "demo", "roles", role,
        "agency", "phong-kinh-te");
    return call(handler, routeKey, pathParameters, Map.of("content-type", "application/json"), body, claims);
  }

  private APIGatewayV2HTTPResponse call(ApiHandler handler, String routeKey, Map<String, String> pathParameters,
      Map<String, String> headers, byte[] body, Map<String, String> claims) {
    requests.incrementAndGet();
    // API Gateway passes a text body as is and anything else base64-encoded
    String text = utf8(body);
    APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder rc = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withRouteKey(routeKey).withRequestId("fuzz-" + requests.get());
    if (claims != null) {
      rc.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
          .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
    }
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
        .withHeaders(headers).withPathParameters(pathParameters)
        .withBody(text != null ? text : Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(text == null)
        .withRequestContext(rc.build()).build();
    return handler.handleRequest(event, null);
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String sign(String prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
