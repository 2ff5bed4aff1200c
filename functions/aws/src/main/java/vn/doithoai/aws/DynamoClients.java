package vn.doithoai.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The one {@link DynamoDbClient} of a JVM: the URL-connection HTTP client (the fastest cold start measured,
 * see STACK-NOTES), the region from {@code AWS_REGION} (default {@code ap-southeast-1}) and the default
 * credentials chain (which SnapStart supplies), unless {@code DOITHOAI_DYNAMODB_ENDPOINT} points at DynamoDB
 * Local: then static dummy credentials and that endpoint. Configuration is read with
 * {@code System.getProperty(name, System.getenv(name))}, so a test or the local runtime can set it without
 * touching the environment.
 */
public final class DynamoClients {
  /** The region (Lambda sets it). */
  public static final String REGION = "AWS_REGION";
  /** An endpoint override, e.g. {@code http://localhost:8000} for DynamoDB Local. */
  public static final String ENDPOINT = "DOITHOAI_DYNAMODB_ENDPOINT";
  /** The single table's name (set by the template's globals). */
  public static final String TABLE_NAME = "TABLE_NAME";
  public static final String DEFAULT_REGION = "ap-southeast-1";

  private static volatile DynamoDbClient shared;

  private DynamoClients() {}

  /** The shared client, built on first use and kept for the life of the JVM (a Lambda execution environment). */
  public static DynamoDbClient client() {
    DynamoDbClient c = shared;
    if (c == null) {
      synchronized (DynamoClients.class) {
        c = shared;
        if (c == null) {
          c = build();
          shared = c;
        }
      }
    }
    return c;
  }

  /** A new client from the current configuration (callers own it and close it). */
  public static DynamoDbClient build() {
    String region = config(REGION);
    String endpoint = config(ENDPOINT);
    DynamoDbClientBuilder b = DynamoDbClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(region == null || region.isBlank() ? DEFAULT_REGION : region.trim()));
    AwsCredentialsProvider credentials;
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpointOverride(URI.create(endpoint.trim()));
      credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    } else {
      credentials = DefaultCredentialsProvider.builder().build();
    }
    return b.credentialsProvider(credentials).build();
  }

  /** A configuration value: the system property, else the environment variable of that name; null if neither. */
  public static String config(String name) {
    return System.getProperty(name, System.getenv(name));
  }
}
