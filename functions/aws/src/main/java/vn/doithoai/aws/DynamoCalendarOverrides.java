package vn.doithoai.aws;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.doithoai.core.calendar.CalendarOverride;
import vn.doithoai.core.calendar.CalendarOverrides;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;

/**
 * Calendar overrides in the table: the national list (pk {@code CAL#NATIONAL}) and each commune's (pk
 * {@code C#<commune>}), sk {@code CALENDAR}, as one JSON document each, changed with a version condition.
 */
public final class DynamoCalendarOverrides implements CalendarOverrides {
  static final String SK = "CALENDAR";
  static final String NATIONAL_PK = "CAL#NATIONAL";

  private final DynamoTable table;

  public DynamoCalendarOverrides(DynamoTable table) {
    this.table = table;
  }

  @Override
  public List<CalendarOverride> forCommune(Optional<String> communeId) {
    List<CalendarOverride> all = new ArrayList<>(read(NATIONAL_PK).overrides);
    communeId.ifPresent(c -> all.addAll(read(DynamoTable.communePk(c)).overrides));
    return all;
  }

  @Override
  public void add(Optional<String> communeId, CalendarOverride override) {
    String pk = communeId.map(DynamoTable::communePk).orElse(NATIONAL_PK);
    for (int attempt = 0; attempt < 5; attempt++) {
      Stored current = read(pk);
      List<CalendarOverride> next = new ArrayList<>(current.overrides);
      next.removeIf(o -> o.date().equals(override.date()));
      next.add(override);
      Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(pk, SK));
      item.put("doc", DynamoTable.s(Json.write(Map.of("overrides", next.stream().map(DynamoCalendarOverrides::json)
          .toList()))));
      item.put("version", DynamoTable.n(current.version + 1));
      try {
        table.client().putItem(b -> b.tableName(table.name()).item(item)
            .conditionExpression(current.version == 0 ? "attribute_not_exists(pk)" : "#v = :v")
            .expressionAttributeNames(current.version == 0 ? null : Map.of("#v", "version"))
            .expressionAttributeValues(current.version == 0 ? null : Map.of(":v", DynamoTable.n(current.version))));
        return;
      } catch (ConditionalCheckFailedException e) {
        // someone added another override meanwhile: read again and retry
      }
    }
    throw DomainException.staleVersion();
  }

  private record Stored(List<CalendarOverride> overrides, long version) {}

  @SuppressWarnings("unchecked")
  private Stored read(String pk) {
    return table.get(pk, SK).map(item -> {
      Map<String, Object> doc = DynamoTable.doc(item);
      List<CalendarOverride> list = new ArrayList<>();
      for (Object o : (List<Object>) doc.getOrDefault("overrides", List.of())) {
        Map<String, Object> m = (Map<String, Object>) o;
        list.add(new CalendarOverride(LocalDate.parse((String) m.get("date")), Boolean.TRUE.equals(m.get("workingDay")),
            CalendarOverride.Scope.valueOf((String) m.get("scope")), (String) m.get("reason"),
            (String) m.get("source")));
      }
      return new Stored(list, Long.parseLong(item.get("version").n()));
    }).orElse(new Stored(List.of(), 0));
  }

  private static Map<String, Object> json(CalendarOverride o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", o.date().toString());
    m.put("workingDay", o.workingDay());
    m.put("scope", o.scope().name());
    m.put("reason", o.reason());
    m.put("source", o.source());
    return m;
  }
}
