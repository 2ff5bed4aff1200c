package vn.doithoai.bench.harness;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The floor: the least a Java function on this stack can do — build the DynamoDB client exactly as the
 * product does (URL-connection HTTP client, region, endpoint override, static credentials), at init, and make
 * one strongly consistent GetItem per request. Every function's cold start is reported as a multiple of this.
 */
public final class Floor implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final DynamoDbClient CLIENT = DynamoDbClient.builder()
      .httpClientBuilder(UrlConnectionHttpClient.builder())
      .region(Region.of(System.getenv("AWS_REGION")))
      .endpointOverride(URI.create(System.getenv("DOITHOAI_DYNAMODB_ENDPOINT")))
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
      .build();
  private static final String TABLE = System.getenv("TABLE_NAME");
  /** The commune's item ("C#" + id / COMMUNE), built without string concatenation's bootstrap. */
  private static final Map<String, AttributeValue> KEY = Map.of(
      "pk", AttributeValue.fromS("C#".concat(System.getenv("BENCH_FLOOR_COMMUNE"))),
      "sk", AttributeValue.fromS("COMMUNE"));

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    GetItemResponse r = CLIENT.getItem(b -> b.tableName(TABLE).consistentRead(true).key(KEY));
    return APIGatewayV2HTTPResponse.builder().withStatusCode(r.hasItem() ? 200 : 404).withBody("{}").build();
  }
}
