package vn.doithoai.core.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table to export: a name (the sheet's), Vietnamese column headers with their widths, and rows of typed
 * cells. One shape for {@link Csv} and {@link Xlsx}, so the two files of one export always agree.
 *
 * <p>A cell is a {@link String} (kept exactly as given), an {@link Integer}, {@link Long} or {@link BigDecimal}
 * (a number), a {@link LocalDate} (a calendar day), or {@code null} (empty). Anything else is refused when the
 * table is built, not when a file is half written.
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {

  /** A column: its header and its width in characters (as a spreadsheet measures it). */
  public record Column(String header, int width) {
    public Column {
      Objects.requireNonNull(header, "header");
      if (width < 1 || width > 255) {
        throw new IllegalArgumentException("column width must be 1..255: " + width);
      }
    }
  }

  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() > columns.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " cells for " + columns.size() + " columns");
      }
      for (Object cell : row) {
        if (cell != null && !(cell instanceof String || cell instanceof Integer || cell instanceof Long
            || cell instanceof BigDecimal || cell instanceof LocalDate)) {
          throw new IllegalArgumentException("unsupported cell type: " + cell.getClass().getName());
        }
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // List.copyOf refuses the null cells
    }
    rows = Collections.unmodifiableList(copy);
  }

  public List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }
}
