package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event as JSON (the files of {@code events/}, what Lambda delivers) into the type a handler declares, as
 * the Lambda runtime deserialises it: {@link APIGatewayV2HTTPEvent} for the HTTP API, {@link DynamodbEvent}
 * for the stream, the map itself otherwise. Used by the handler tests, SnapStart priming and the benchmark.
 */
public final class SampleEvents {
  private SampleEvents() {}

  public static Object convert(Map<String, Object> json, Class<?> type) {
    if (type == APIGatewayV2HTTPEvent.class) {
      return http(json);
    }
    if (type == DynamodbEvent.class) {
      return stream(json);
    }
    return json;
  }

  @SuppressWarnings("unchecked")
  public static APIGatewayV2HTTPEvent http(Map<String, Object> m) {
    Map<String, Object> ctx = (Map<String, Object>) m.get("requestContext");
    Map<String, Object> http = (Map<String, Object>) ctx.get("http");
    APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder rc = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId((String) ctx.get("accountId")).withApiId((String) ctx.get("apiId"))
        .withDomainName((String) ctx.get("domainName")).withRequestId((String) ctx.get("requestId"))
        .withRouteKey((String) ctx.get("routeKey")).withStage((String) ctx.get("stage"))
        .withTime((String) ctx.get("time"))
        .withTimeEpoch(ctx.get("timeEpoch") == null ? 0 : ((Number) ctx.get("timeEpoch")).longValue())
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod((String) http.get("method"))
            .withPath((String) http.get("path")).withProtocol((String) http.get("protocol"))
            .withSourceIp((String) http.get("sourceIp")).withUserAgent((String) http.get("userAgent")).build());
    Map<String, Object> auth = (Map<String, Object>) ctx.get("authorizer");
    if (auth != null && auth.get("jwt") != null) {
      Map<String, Object> jwt = (Map<String, Object>) auth.get("jwt");
      Map<String, String> claims = new HashMap<>();
      ((Map<String, Object>) jwt.get("claims")).forEach((k, v) -> claims.put(k, String.valueOf(v)));
      rc.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
          .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
    }
    return APIGatewayV2HTTPEvent.builder().withVersion((String) m.get("version"))
        .withRouteKey((String) m.get("routeKey")).withRawPath((String) m.get("rawPath"))
        .withRawQueryString((String) m.get("rawQueryString")).withHeaders(strings(m.get("headers")))
        .withQueryStringParameters(strings(m.get("queryStringParameters")))
        .withPathParameters(strings(m.get("pathParameters"))).withBody((String) m.get("body"))
        .withIsBase64Encoded(Boolean.TRUE.equals(m.get("isBase64Encoded"))).withRequestContext(rc.build()).build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> strings(Object o) {
    if (o == null) {
      return null;
    }
    Map<String, String> out = new HashMap<>();
    ((Map<String, Object>) o).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  public static DynamodbEvent stream(Map<String, Object> json) {
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) json.get("Records")) {
      DynamodbEvent.DynamodbStreamRecord rec = new DynamodbEvent.DynamodbStreamRecord();
      rec.setEventID((String) r.get("eventID"));
      rec.setEventName((String) r.get("eventName"));
      rec.setEventSource((String) r.get("eventSource"));
      rec.setAwsRegion((String) r.get("awsRegion"));
      rec.setEventSourceARN((String) r.get("eventSourceARN"));
      Map<String, Object> d = (Map<String, Object>) r.get("dynamodb");
      StreamRecord sr = new StreamRecord();
      sr.setKeys(image((Map<String, Object>) d.get("Keys")));
      sr.setNewImage(image((Map<String, Object>) d.get("NewImage")));
      sr.setOldImage(image((Map<String, Object>) d.get("OldImage")));
      sr.setSequenceNumber((String) d.get("SequenceNumber"));
      sr.setStreamViewType(StreamViewType.fromValue((String) d.get("StreamViewType")));
      rec.setDynamodb(sr);
      records.add(rec);
    }
    DynamodbEvent e = new DynamodbEvent();
    e.setRecords(records);
    return e;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, AttributeValue> image(Map<String, Object> m) {
    if (m == null) {
      return null;
    }
    Map<String, AttributeValue> out = new HashMap<>();
    m.forEach((k, v) -> {
      Map<String, Object> av = (Map<String, Object>) v;
      AttributeValue a = new AttributeValue();
      if (av.containsKey("S")) {
        a.setS((String) av.get("S"));
      } else if (av.containsKey("N")) {
        a.setN(String.valueOf(av.get("N")));
      }
      out.put(k, a);
    });
    return out;
  }

}
