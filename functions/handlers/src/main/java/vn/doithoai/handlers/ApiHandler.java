package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import vn.doithoai.core.common.DomainException;

/**
 * The shape every HTTP handler shares: find the route, run it, map a {@link DomainException} to its status;
 * anything unexpected (any {@link Throwable}) is logged with the request id only (no bodies, no personal data) and
 * answered 500. No input a client can send should reach that path: the fuzz tests hold it to that.
 */
abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  /** One route's work. */
  interface Route {
    APIGatewayV2HTTPResponse handle(ApiRequest request);
  }

  protected abstract Map<String, Route> routes();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = new ApiRequest(event);
    Route route = routes().get(request.routeKey());
    try {
      if (route == null) {
        throw DomainException.notFound("đường dẫn " + request.routeKey());
      }
      return route.handle(request);
    } catch (DomainException e) {
      return ApiResponses.error(e);
    } catch (Throwable e) {
      // every throwable, not only RuntimeException: a NoSuchMethodError or StackOverflowError is a bug of ours too,
      // and the caller still gets a 500 with an id to quote, never a bare Lambda failure
      String id = context == null ? "-" : context.getAwsRequestId();
      System.err.println("ERROR request " + id + " route " + request.routeKey() + ": " + e.getClass().getName());
      e.printStackTrace();
      return ApiResponses.unexpected(id);
    }
  }
}
