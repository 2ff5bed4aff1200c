package vn.doithoai.core.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.core.fixtures.DialogueFixtures.commune;
import static vn.doithoai.core.fixtures.DialogueFixtures.meeting;
import static vn.doithoai.core.fixtures.DialogueFixtures.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.document.DocumentDocx;
import vn.doithoai.core.document.DocumentHtml;
import vn.doithoai.core.document.ResultsReportDocument;
import vn.doithoai.core.plan.Issuer;

/**
 * The results report of a dialogue with 3,000 matters, all assigned: what it weighs and takes to render with every
 * matter in detail (before) and bounded to {@link ResultsReport#DETAIL_MAX} (after). Prints the figures
 * infra/docs/exports.md quotes.
 */
class ResultsReportSizeTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 12, 30);
  static final String[] WORDS = ("đề nghị UBND xã sớm kiểm tra sửa chữa tuyến đường liên thôn Nà Pàn Khòn Pổ đã xuống "
      + "cấp nghiêm trọng mùa mưa lầy lội học sinh đi học người dân vận chuyển nông sản rất khó khăn").split(" ");

  static String text(Random r, int chars) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < chars) {
      sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    return sb.substring(0, chars).strip();
  }

  /** {@code n} assigned matters: every 10th overdue, every 7th late, the rest answered on time. */
  static ResultsReport report(int n) {
    Random r = new Random(3000);
    List<ResultsReport.Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String t = i % 10 == 9 ? "overdue" : i % 7 == 6 ? "late" : "on-time";
      lines.add(new ResultsReport.Line("o_" + i, String.format("DT-%04d-XXXX", i), text(r, 600), "Đã giao giải quyết",
          "Công chức Địa chính - Xây dựng", LocalDate.of(2025, 12, 19), t, t.equals("overdue") ? null
              : LocalDate.of(2025, 12, 15), t.equals("overdue") ? null : text(r, 400), null));
    }
    return new ResultsReport("xa-demo", "p1", Issuer.PARTY_COMMITTEE, "12-KH/ĐU", "Kế hoạch đối thoại năm 2025",
        AS_OF, Optional.empty(), List.of(), List.of(), new ResultsReport.Counts(n, 0, n, n - n / 10 - n / 7, n / 7,
            n / 10, 0, 0, 0, 0), lines, List.of());
  }

  record Measured(int json, int html, int docx, long millis) {}

  static Measured measure(ResultsReport r) {
    long t0 = System.nanoTime();
    int json = Json.write(r.toJson()).getBytes(StandardCharsets.UTF_8).length;
    var doc = ResultsReportDocument.of(r, plan(meeting()), commune());
    int html = DocumentHtml.render(doc).getBytes(StandardCharsets.UTF_8).length;
    int docx = DocumentDocx.write(doc).length;
    return new Measured(json, html, docx, (System.nanoTime() - t0) / 1_000_000);
  }

  @Test
  @DisplayName("3,000 matters: the report lists 100 in detail, the overdue first, and names the export as its annex")
  void boundedAtThreeThousand() {
    ResultsReport all = report(3000);
    measure(all); // warm-up of the renderers, so the two timings compare
    Measured before = measure(all);
    ResultsReport bounded = all.bounded(ResultsReport.DETAIL_MAX, "y-kien-12-KH-DU.xlsx");
    Measured after = measure(bounded);
    System.out.printf("results report at 3,000 matters: before JSON %d B, HTML %d B, DOCX %d B, %d ms; "
        + "after (%d in detail) JSON %d B, HTML %d B, DOCX %d B, %d ms%n", before.json(), before.html(), before.docx(),
        before.millis(), ResultsReport.DETAIL_MAX, after.json(), after.html(), after.docx(), after.millis());
    assertEquals(ResultsReport.DETAIL_MAX, bounded.lines().size());
    assertEquals(2900, bounded.omitted());
    assertTrue(bounded.lines().stream().allMatch(l -> "overdue".equals(l.timeliness())), "the 300 overdue first");
    assertTrue(after.json() < 400_000 / 2, "well inside one DynamoDB item: " + after.json());
    String html = DocumentHtml.render(ResultsReportDocument.of(bounded, plan(meeting()), commune()));
    assertTrue(html.contains("Phụ lục: danh sách đầy đủ 3000 ý kiến, kiến nghị") && html.contains("y-kien-12-KH-DU.xlsx"),
        "the annex named");
    assertEquals(bounded, ResultsReport.fromJson(Json.readObject(Json.write(bounded.toJson()))), "stored and read");
  }

  @Test
  @DisplayName("a small dialogue: every matter in detail, no annex")
  void smallReportUnchanged() {
    ResultsReport small = report(40);
    ResultsReport bounded = small.bounded(ResultsReport.DETAIL_MAX, "y-kien.xlsx");
    assertEquals(40, bounded.lines().size());
    assertEquals(0, bounded.omitted());
    assertNull(bounded.annex());
    assertTrue(!DocumentHtml.render(ResultsReportDocument.of(bounded, plan(meeting()), commune())).contains("PHỤ LỤC"));
  }
}
