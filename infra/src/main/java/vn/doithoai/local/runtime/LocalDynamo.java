package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local running in this JVM as an HTTP server on a free port, either persistent ({@code -dbPath},
 * data kept between runs, one shared database for every region and key) or in memory (tests). Creates the
 * template's tables. Locally, TTL is accepted but never expires items, and streams are not emulated by
 * DynamoDB Local's stream API here.
 */
public final class LocalDynamo implements AutoCloseable {
  private final Path dbPath; // null: in memory
  private DynamoDBProxyServer server;
  private DynamoDbClient client;
  private URI endpoint;

  private LocalDynamo(Path dbPath) {
    this.dbPath = dbPath;
  }

  /** Data kept in {@code dir} (created if missing) between runs. */
  public static LocalDynamo persistent(Path dir) {
    return new LocalDynamo(dir.toAbsolutePath());
  }

  public static LocalDynamo inMemory() {
    return new LocalDynamo(null);
  }

  /** Starts the server on a free local port; returns this. */
  public synchronized LocalDynamo start() {
    if (server != null) {
      return this;
    }
    Exception last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
      if (dbPath == null) {
        args.add("-inMemory");
      } else {
        try {
          Files.createDirectories(dbPath);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create " + dbPath, e);
        }
        args.addAll(List.of("-sharedDb", "-dbPath", dbPath.toString()));
      }
      PrintStream stdout = System.out;
      try {
        System.setOut(System.err); // DynamoDB Local prints its configuration banner: keep stdout for results
        DynamoDBProxyServer s = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        s.start();
        server = s;
        endpoint = URI.create("http://localhost:" + port);
        client = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(TemplateModel.REGION))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(endpoint)
            .build();
        return this;
      } catch (Exception e) { // a port taken between choosing and binding: try another
        last = e;
      } finally {
        System.setOut(stdout);
      }
    }
    throw new IllegalStateException("DynamoDB Local did not start: " + last, last);
  }

  public URI endpoint() {
    requireStarted();
    return endpoint;
  }

  public DynamoDbClient client() {
    requireStarted();
    return client;
  }

  /**
   * Creates every table of the template that does not exist yet (PAY_PER_REQUEST, with its indexes and
   * TTL); on an existing table, adds global indexes the template declares and the table lacks, and turns
   * TTL on if declared. Returns the names of the tables created.
   */
  public List<String> createTables(TemplateModel model) {
    requireStarted();
    Set<String> existing = new HashSet<>(client.listTablesPaginator().tableNames().stream().toList());
    List<String> created = new ArrayList<>();
    for (TemplateModel.Table t : model.tables()) {
      if (t.tableName().length() < 3) {
        throw new IllegalArgumentException("table name '" + t.tableName() + "' of " + t.logicalId()
            + " is shorter than 3 characters (DynamoDB refuses it)");
      }
      if (existing.contains(t.tableName())) {
        addMissingIndexes(t);
      } else {
        create(t);
        created.add(t.tableName());
      }
      enableTtl(t);
    }
    return created;
  }

  private void create(TemplateModel.Table t) {
    CreateTableRequest.Builder b = CreateTableRequest.builder()
        .tableName(t.tableName())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attributes(t.attributes()))
        .keySchema(keys(t.keySchema()));
    if (!t.globalIndexes().isEmpty()) {
      b.globalSecondaryIndexes(t.globalIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
          .indexName(i.indexName()).keySchema(keys(i.keySchema())).projection(projection(i)).build()).toList());
    }
    if (!t.localIndexes().isEmpty()) {
      b.localSecondaryIndexes(t.localIndexes().stream().map(i -> LocalSecondaryIndex.builder()
          .indexName(i.indexName()).keySchema(keys(i.keySchema())).projection(projection(i)).build()).toList());
    }
    client.createTable(b.build());
    client.waiter().waitUntilTableExists(r -> r.tableName(t.tableName()));
  }

  private void addMissingIndexes(TemplateModel.Table t) {
    TableDescription d = client.describeTable(r -> r.tableName(t.tableName())).table();
    Set<String> present = new HashSet<>();
    if (d.hasGlobalSecondaryIndexes()) {
      d.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).forEach(present::add);
    }
    for (TemplateModel.Index i : t.globalIndexes()) {
      if (present.contains(i.indexName())) {
        continue;
      }
      client.updateTable(r -> r.tableName(t.tableName())
          .attributeDefinitions(attributes(t.attributes()))
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
              .create(CreateGlobalSecondaryIndexAction.builder().indexName(i.indexName())
                  .keySchema(keys(i.keySchema())).projection(projection(i)).build())
              .build()));
    }
  }

  private void enableTtl(TemplateModel.Table t) {
    if (t.ttlAttribute() == null) {
      return;
    }
    TimeToLiveStatus status = client.describeTimeToLive(r -> r.tableName(t.tableName()))
        .timeToLiveDescription().timeToLiveStatus();
    if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
      client.updateTimeToLive(r -> r.tableName(t.tableName())
          .timeToLiveSpecification(s -> s.attributeName(t.ttlAttribute()).enabled(true)));
    }
  }

  private static List<AttributeDefinition> attributes(Map<String, String> attributes) {
    return attributes.entrySet().stream()
        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
        .toList();
  }

  private static List<KeySchemaElement> keys(List<TemplateModel.KeyElement> keys) {
    return keys.stream()
        .map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
        .toList();
  }

  private static Projection projection(TemplateModel.Index i) {
    Projection.Builder p = Projection.builder().projectionType(ProjectionType.fromValue(i.projectionType()));
    if (!i.nonKeyAttributes().isEmpty()) {
      p.nonKeyAttributes(i.nonKeyAttributes());
    }
    return p.build();
  }

  /** True when the table exists (for tools and tests). */
  public boolean tableExists(String name) {
    try {
      client().describeTable(r -> r.tableName(name));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("LocalDynamo not started");
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** Stops the client and the server; safe to call twice. */
  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        System.err.println("DynamoDB Local did not stop cleanly: " + e);
      }
      server = null;
    }
  }
}
