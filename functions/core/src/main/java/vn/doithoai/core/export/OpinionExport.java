package vn.doithoai.core.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.doithoai.core.export.Table.Column;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionParts.Answer;
import vn.doithoai.core.opinion.OpinionParts.Assignment;
import vn.doithoai.core.opinion.OpinionParts.Decision;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.stats.Timeliness;

/**
 * Danh sách ý kiến and bảng theo dõi giải quyết: the two spreadsheets the office keeps for a dialogue — every
 * opinion with what became of it, and every assignment to an agency with its due date and whether it was
 * answered on time (the rule of {@link Timeliness}). As CSV or as .xlsx; headers in Vietnamese.
 *
 * <p>These files are for staff (office, host), so raisers' names and villages appear. Phone numbers, e-mail
 * and postal addresses do not, unless the export is made {@code withContacts} — a deliberate choice for the
 * staff member who must call people back, not the default. Rows come in a fixed order (opinions by receipt,
 * assignments by due date), so the same opinions give the same file.
 */
public final class OpinionExport {
  private static final Comparator<Opinion> BY_RECEIPT = Comparator.comparing(Opinion::receivedAt)
      .thenComparing(Opinion::trackingCode);
  private static final Comparator<Opinion> BY_DUE = Comparator
      .comparing((Opinion o) -> o.assignment().orElseThrow().currentDue()).thenComparing(BY_RECEIPT);

  private final boolean withContacts;

  /** Without raisers' contacts: the default. */
  public OpinionExport() {
    this(false);
  }

  public OpinionExport(boolean withContacts) {
    this.withContacts = withContacts;
  }

  public byte[] opinionsCsv(List<Opinion> opinions, LocalDate today) {
    return Csv.write(opinions(opinions, today));
  }

  public byte[] opinionsXlsx(List<Opinion> opinions, LocalDate today) {
    return Xlsx.write("Danh sách ý kiến, kiến nghị của Nhân dân", List.of(opinions(opinions, today)));
  }

  public byte[] assignmentsCsv(List<Opinion> opinions, LocalDate today) {
    return Csv.write(assignments(opinions, today));
  }

  public byte[] assignmentsXlsx(List<Opinion> opinions, LocalDate today) {
    return Xlsx.write("Theo dõi giải quyết ý kiến, kiến nghị", List.of(assignments(opinions, today)));
  }

  /** Every opinion, merged ones included (they say which opinion carries them on). */
  public Table opinions(List<Opinion> opinions, LocalDate today) {
    Map<String, String> codes = opinions.stream()
        .collect(Collectors.toMap(Opinion::id, Opinion::trackingCode, (a, b) -> a));
    List<Column> columns = new ArrayList<>(List.of(new Column("Mã theo dõi", 15), new Column("Ngày tiếp nhận", 13),
        new Column("Hình thức tiếp nhận", 22), new Column("Lĩnh vực", 20), new Column("Nội dung", 60),
        new Column("Người nêu", 30), new Column("Số người nêu", 9)));
    if (withContacts) {
      columns.add(new Column("Liên hệ người nêu", 40));
    }
    columns.addAll(List.of(new Column("Trạng thái", 22), new Column("Kết quả xử lý", 50),
        new Column("Cơ quan giải quyết", 28), new Column("Hạn giải quyết", 13), new Column("Gia hạn đến", 13),
        new Column("Ngày trả lời", 13), new Column("Đúng hạn", 18)));
    List<List<Object>> rows = new ArrayList<>();
    for (Opinion o : opinions.stream().sorted(BY_RECEIPT).toList()) {
      Optional<Assignment> a = o.assignment();
      List<Object> row = new ArrayList<>(List.of(o.trackingCode(),
          LocalDate.ofInstant(o.receivedAt(), DeadlineScheduling.VIETNAM), o.channel().vietnamese(),
          o.field().vietnamese(), o.content(), raisers(o), o.raiserCount()));
      if (withContacts) {
        row.add(lines(o.raisers(), OpinionExport::contact));
      }
      row.add(o.status().vietnamese());
      row.add(outcome(o, codes));
      row.add(a.map(Assignment::agencyName).orElse(null));
      row.add(a.map(Assignment::due).orElse(null));
      row.add(a.flatMap(Assignment::extendedTo).orElse(null));
      row.add(o.answer().map(Timeliness::answeredOn).orElse(null));
      row.add(Timeliness.of(o, today).map(Timeliness::vietnamese).orElse(null));
      rows.add(row);
    }
    return new Table("Ý kiến", columns, rows);
  }

  /** The opinions assigned to an agency, by current due date. */
  public Table assignments(List<Opinion> opinions, LocalDate today) {
    List<Column> columns = List.of(new Column("Mã theo dõi", 15), new Column("Nội dung", 60),
        new Column("Cơ quan giải quyết", 28), new Column("Ngày giao", 13), new Column("Hạn giải quyết", 13),
        new Column("Gia hạn đến", 13), new Column("Lý do gia hạn", 30), new Column("Hạn gia hạn tối đa", 13),
        new Column("Ngày trả lời", 13), new Column("Nội dung trả lời", 50), new Column("Tình trạng", 20));
    List<List<Object>> rows = new ArrayList<>();
    for (Opinion o : opinions.stream().filter(o -> o.assignment().isPresent()).sorted(BY_DUE).toList()) {
      Assignment a = o.assignment().orElseThrow();
      rows.add(Arrays.asList(o.trackingCode(), o.content(), a.agencyName(),
          LocalDate.ofInstant(a.assignedAt(), DeadlineScheduling.VIETNAM), a.due(), a.extendedTo().orElse(null),
          a.extendedTo().isPresent() ? a.extensionReason() : null, a.cap(),
          o.answer().map(Timeliness::answeredOn).orElse(null), o.answer().map(Answer::text).orElse(null),
          Timeliness.of(a, o.answer(), today).vietnamese()));
    }
    return new Table("Giao giải quyết", columns, rows);
  }

  /** Names with their village; a compiled list says who compiled it and for how many people. */
  private static String raisers(Opinion o) {
    Stream<String> compiled = o.compiled().stream()
        .map(c -> c.organisation() + " tổng hợp (" + c.count() + " người)");
    Stream<String> named = o.raisers().stream().map(r -> blank(r.village()) ? nonNull(r.name())
        : nonNull(r.name()) + " (" + r.village() + ")");
    // the raisers of opinions merged into it are kept apart, and a row lists no crowd: counted, as the merged
    // opinions' own rows name them
    Stream<String> merged = o.hasMergedRaisers() ? Stream.of("và " + o.merged().raisers() + " người nêu của "
        + o.merged().opinions() + " ý kiến gộp vào") : Stream.empty();
    return Stream.of(compiled, named, merged).flatMap(x -> x).filter(s -> !s.isBlank())
        .collect(Collectors.joining("\n"));
  }

  private static String contact(Raiser r) {
    String details = Stream.of(r.phone(), r.email(), r.address()).filter(s -> !blank(s))
        .collect(Collectors.joining(", "));
    return details.isEmpty() ? "" : nonNull(r.name()) + ": " + details;
  }

  private static <T> String lines(List<T> items, Function<T, String> line) {
    return items.stream().map(line).filter(s -> !s.isEmpty()).collect(Collectors.joining("\n"));
  }

  /** What became of it, in the words of the conclusion notice. */
  private static String outcome(Opinion o, Map<String, String> codes) {
    if (o.status() == OpinionStatus.MERGED) {
      return o.mergedInto().map(id -> "Gộp vào ý kiến " + codes.getOrDefault(id, id)).orElse("");
    }
    if (o.answer().isPresent()) {
      Answer a = o.answer().get();
      return (a.atMeeting() ? "Trả lời tại hội nghị: " : "Trả lời bằng văn bản: ") + a.text();
    }
    Optional<Decision> d = o.decision();
    return switch (o.status()) {
      case REDIRECTED -> "Hướng dẫn theo thủ tục " + d.map(Decision::note).orElse("khiếu nại, tố cáo")
          + d.map(x -> ". " + x.text()).orElse("");
      case FORWARDED -> "Chuyển " + d.map(Decision::text).orElse("cơ quan cấp trên")
          + d.map(Decision::note).filter(n -> !n.isBlank()).map(n -> ". " + n).orElse("");
      case REFUSED -> "Không tiếp nhận: " + d.map(Decision::text).orElse("")
          + d.map(Decision::note).filter(n -> !n.isBlank()).map(n -> ". " + n).orElse("");
      default -> "";
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
