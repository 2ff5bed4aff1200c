package vn.doithoai.handlers;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A DynamoDB client that records the IAM actions each call needs and the indexes queried, and passes the call
 * on to a real client. As IAM authorises them: a TransactWriteItems needs the action of each kind of item in it
 * (Put → PutItem, Update → UpdateItem, Delete → DeleteItem, ConditionCheck → ConditionCheckItem), a
 * TransactGetItems needs GetItem, any other call its own name (BatchWriteItem, Query, …).
 */
final class RecordingDynamo {
  final Set<String> actions = new TreeSet<>();
  final Set<String> indexes = new TreeSet<>();
  /** Whether a Query read the table itself (not only an index): then the table's ARN must allow it. */
  volatile boolean queriedTable;
  final DynamoDbClient client;
  final DynamoDbClient real;
  boolean seeded;

  RecordingDynamo(DynamoDbClient real) {
    this.real = real;
    InvocationHandler h = (proxy, method, args) -> {
      if (method.isDefault() && args != null && args.length == 1 && args[0] instanceof java.util.function.Consumer) {
        // the Consumer<Builder> overloads build the request and call the request overload on the proxy
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      record(method.getName(), args == null || args.length == 0 ? null : args[0]);
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, h);
  }

  private void record(String method, Object request) {
    switch (method) {
      case "transactWriteItems" -> {
        for (TransactWriteItem i : ((TransactWriteItemsRequest) request).transactItems()) {
          if (i.put() != null) {
            actions.add("dynamodb:PutItem");
          }
          if (i.delete() != null) {
            actions.add("dynamodb:DeleteItem");
          }
          if (i.update() != null) {
            actions.add("dynamodb:UpdateItem");
          }
          if (i.conditionCheck() != null) {
            actions.add("dynamodb:ConditionCheckItem");
          }
        }
      }
      // a TransactGetItems is allowed by dynamodb:GetItem (IAM "Using IAM with DynamoDB transactions")
      case "transactGetItems" -> actions.add("dynamodb:GetItem");
      case "query" -> {
        actions.add("dynamodb:Query");
        String index = ((QueryRequest) request).indexName();
        if (index != null) {
          indexes.add(index);
        } else {
          queriedTable = true;
        }
      }
      case "serviceName", "close", "serviceClientConfiguration", "toString", "hashCode", "equals" -> { }
      default -> actions.add("dynamodb:" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
    }
  }
}
