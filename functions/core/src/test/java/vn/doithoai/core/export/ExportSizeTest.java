package vn.doithoai.core.export;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.core.fixtures.DialogueFixtures.AGENCY;
import static vn.doithoai.core.fixtures.DialogueFixtures.assigned;
import static vn.doithoai.core.fixtures.DialogueFixtures.received;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.followup.Exporting;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Answer;

/**
 * The measurement behind {@link Exporting#INLINE_MAX_ROWS}: the bytes a row takes in CSV and XLSX for long
 * Vietnamese opinions (assigned, answered in writing, one raiser with contacts), and the file of the threshold's
 * rows staying well inside what API Gateway answers inline (6 MB, base64: ~4.4 MB of file). Prints the figures
 * that infra/docs/exports.md quotes.
 */
class ExportSizeTest {
  static final LocalDate TODAY = LocalDate.of(2025, 12, 30);
  static final String SENTENCE = "Đề nghị UBND xã sớm kiểm tra, sửa chữa tuyến đường liên thôn Nà Pàn – Khòn Pổ đã "
      + "xuống cấp nghiêm trọng, mùa mưa lầy lội, học sinh đi học và người dân vận chuyển nông sản rất khó khăn. ";

  private static final String[] WORDS = SENTENCE.replace(",", "").replace(".", "").split(" +");
  private static final java.util.Random RANDOM = new java.util.Random(18);

  /**
   * {@code chars} characters of Vietnamese words in a random order: as varied as written text, so the XLSX (a zip)
   * compresses it as it would real opinions, not as one sentence repeated.
   */
  static String vietnamese(int chars) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < chars) {
      sb.append(WORDS[RANDOM.nextInt(WORDS.length)]).append(RANDOM.nextInt(12) == 0 ? ". " : " ");
    }
    return sb.substring(0, chars);
  }

  /** {@code n} opinions of {@code content} characters, each answered with {@code answer} characters. */
  static List<Opinion> opinions(int n, int content, int answer) {
    List<Opinion> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Opinion o = assigned(received(String.format("DT-%04d-LONG", i), OpinionField.INFRASTRUCTURE, Channel.WEBSITE,
          vietnamese(content)));
      Instant at = Instant.parse("2025-12-10T03:00:00Z");
      out.add(o.answer(new Answer(vietnamese(answer), false, List.of(), at, AGENCY.id()), AGENCY, at));
    }
    return out;
  }

  static double perRow(byte[] file, int n) {
    return file.length / (double) n;
  }

  @Test
  @DisplayName("a long Vietnamese opinion's row in CSV and XLSX: the threshold's rows with the factor 2 fit in 4.4 MB")
  void longOpinionsFitWithTheSafetyFactor() {
    int n = Exporting.INLINE_MAX_ROWS;
    List<Opinion> longOnes = opinions(n, 1500, 700);
    OpinionExport withContacts = new OpinionExport(true);
    byte[] csv = withContacts.opinionsCsv(longOnes, TODAY);
    byte[] xlsx = withContacts.opinionsXlsx(longOnes, TODAY);
    List<Opinion> longest = opinions(100, 5000, 10_000);
    byte[] csvMax = withContacts.opinionsCsv(longest, TODAY);
    byte[] xlsxMax = withContacts.opinionsXlsx(longest, TODAY);
    System.out.printf("export size per row: long (1,500 + 700 chars) CSV %.0f B, XLSX %.0f B; "
        + "longest allowed (5,000 + 10,000 chars) CSV %.0f B, XLSX %.0f B; %d long rows: CSV %d B, XLSX %d B%n",
        perRow(csv, n), perRow(xlsx, n), perRow(csvMax, 100), perRow(xlsxMax, 100), n, csv.length, xlsx.length);
    long fits = 4_400_000;
    assertTrue(2L * csv.length <= fits, "CSV of " + n + " long rows, doubled: " + 2L * csv.length);
    assertTrue(2L * xlsx.length <= fits, "XLSX of " + n + " long rows, doubled: " + 2L * xlsx.length);
    assertTrue(csvMax.length * (long) n / 100 > Exporting.INLINE_MAX_BYTES,
        "the longest rows exceed the bytes bound at the threshold: the bytes guard is needed");
  }
}
