package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.handlers.observability.Invocation;

/**
 * The shape every HTTP handler shares: find the route, run it, map a {@link DomainException} to its status;
 * anything unexpected (any {@link Throwable}) is answered 500 with the request id to quote. Every request ends
 * with one log line (route, commune, status, latency, error code or the failing class — never a body, a message
 * or personal data) and counts as one request of its route group in the commune's usage. No input a client can
 * send should reach the 500 path: the fuzz tests hold it to that.
 */
abstract class ApiHandler extends Edge.Handler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  /** One route's work. */
  interface Route {
    APIGatewayV2HTTPResponse handle(ApiRequest request);
  }

  protected abstract Map<String, Route> routes();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Invocation invocation = Invocation.start(context, Invocation.Step.HTTP_REQUEST);
    ApiRequest request = new ApiRequest(event, invocation);
    invocation.route(request.routeKey());
    APIGatewayV2HTTPResponse response = answer(request, invocation);
    invocation.status(response.getStatusCode());
    String commune = request.commune();
    invocation.commune(commune);
    // a public or webhook request counts once it served an existing commune; a staff one once its token is valid
    // (an intake request served was counted by the same write that took its commune's budget)
    if (!invocation.isRequestCounted() && (response.getStatusCode() < 400 || request.authenticated())) {
      invocation.usage(commune, group(request.routeKey()), 1);
    }
    edge.finish(invocation);
    return response;
  }

  private APIGatewayV2HTTPResponse answer(ApiRequest request, Invocation invocation) {
    Route route = routes().get(request.routeKey());
    try {
      if (route == null) {
        throw DomainException.notFound("đường dẫn " + request.routeKey());
      }
      return route.handle(request);
    } catch (DomainException e) {
      invocation.error(e.code());
      return ApiResponses.error(e);
    } catch (Throwable e) {
      // every throwable, not only RuntimeException: a NoSuchMethodError or StackOverflowError is a bug of ours too,
      // and the caller still gets a 500 with an id to quote, never a bare Lambda failure
      invocation.failure(e);
      return ApiResponses.unexpected(invocation.requestId());
    }
  }

  /** The route group a request is billed under. */
  static UsageCounter group(String routeKey) {
    String path = routeKey.substring(routeKey.indexOf(' ') + 1);
    return path.startsWith("/webhooks/") ? UsageCounter.API_WEBHOOK
        : path.startsWith("/public/") ? UsageCounter.API_PUBLIC : UsageCounter.API_STAFF;
  }
}
