package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.common.Json;

/** JSON responses, and the one place where errors become HTTP statuses. */
final class ApiResponses {
  private ApiResponses() {}

  static APIGatewayV2HTTPResponse json(int status, Object body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json; charset=utf-8");
    headers.put("cache-control", "no-store");
    headers.put("x-content-type-options", "nosniff");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
        .withBody(Json.write(body)).withIsBase64Encoded(false).build();
  }

  /** An HTML page: no script may run, styles inline only; the text in it is escaped where it was rendered. */
  static APIGatewayV2HTTPResponse html(int status, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "text/html; charset=utf-8");
    headers.put("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    headers.put("x-content-type-options", "nosniff");
    headers.put("cache-control", "public, max-age=300");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
        .withIsBase64Encoded(false).build();
  }

  /**
   * A file to download (base64 through API Gateway): attachment with an ASCII name and the UTF-8 one (RFC 6266 /
   * RFC 5987), never cached, never sniffed.
   */
  static APIGatewayV2HTTPResponse file(vn.doithoai.core.common.Download d) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", d.contentType());
    String ascii = vn.doithoai.core.common.Download.ascii(d.fileName());
    headers.put("content-disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + java.net.URLEncoder.encode(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    headers.put("cache-control", "no-store");
    headers.put("x-content-type-options", "nosniff");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
        .withBody(java.util.Base64.getEncoder().encodeToString(d.bytes())).withIsBase64Encoded(true).build();
  }

  static int status(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case UNPROCESSABLE -> 422;
      case TOO_MANY_REQUESTS -> 429;
    };
  }

  static APIGatewayV2HTTPResponse error(DomainException e) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", e.code());
    err.put("message", e.getMessage());
    if (!e.fieldErrors().isEmpty()) {
      List<Object> fields = e.fieldErrors().stream().map(ApiResponses::field).toList();
      err.put("fields", fields);
    }
    APIGatewayV2HTTPResponse response = json(status(e.kind()), Map.of("error", err));
    return retryAfter(response, e);
  }

  /** A refusal for now says when to come back ({@code Retry-After}, RFC 9110 §10.2.3, in seconds). */
  static APIGatewayV2HTTPResponse retryAfter(APIGatewayV2HTTPResponse response, DomainException e) {
    if (e instanceof vn.doithoai.core.common.TooManyRequests t) {
      Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
      headers.put("retry-after", Long.toString(t.retryAfterSeconds()));
      response.setHeaders(headers);
    }
    return response;
  }

  static APIGatewayV2HTTPResponse unexpected(String requestId) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", "internal_error");
    err.put("message", "Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại sau; mã yêu cầu: " + requestId + ".");
    return json(500, Map.of("error", err));
  }

  private static Object field(FieldError f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", f.field());
    m.put("message", f.message());
    return m;
  }
}
