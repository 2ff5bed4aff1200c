package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import vn.doithoai.core.common.DomainException;

/**
 * The shape every HTTP handler shares: find the route, run it, map a {@link DomainException} to its status;
 * anything unexpected is logged with the request id only (no bodies, no personal data) and answered 500.
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
    } catch (RuntimeException e) {
      String id = context == null ? "-" : context.getAwsRequestId();
      System.err.println("ERROR request " + id + " route " + request.routeKey() + ": " + e.getClass().getName());
      e.printStackTrace();
      return ApiResponses.unexpected(id);
    }
  }
}
