package vn.doithoai.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Test helpers for documents: read a .docx back with Apache POI as the paragraphs a reader meets in order
 * (tables row by row, cell by cell), check that parts appear in order, compare with golden files.
 */
final class Docs {
  /** {@code -Ddoithoai.golden.update=true} rewrites the golden files instead of comparing with them. */
  static final boolean UPDATE_GOLDEN = Boolean.getBoolean("doithoai.golden.update");
  static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  static final Path GOLDEN = MODULE.resolve("src/test/resources/vn/doithoai/core/document");

  private Docs() {}

  static XWPFDocument open(byte[] docx) {
    try {
      return new XWPFDocument(new ByteArrayInputStream(docx));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every paragraph's text in reading order. */
  static List<String> paragraphs(byte[] docx) {
    try (XWPFDocument doc = open(docx)) {
      List<String> out = new ArrayList<>();
      for (IBodyElement e : doc.getBodyElements()) {
        if (e instanceof XWPFParagraph p) {
          out.add(p.getText());
        } else if (e instanceof XWPFTable t) {
          for (XWPFTableRow row : t.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
              cell.getParagraphs().forEach(p -> out.add(p.getText()));
            }
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw text of every part of the package: what any tool that unzips the file could read. */
  static String rawParts(byte[] docx) {
    StringBuilder sb = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  /** Each part is found after the previous one. */
  static void assertInOrder(String text, String... parts) {
    int at = 0;
    for (String p : parts) {
      int i = text.indexOf(p, at);
      assertTrue(i >= 0, () -> "missing or out of order: «" + p + "» after position " + text.length() + "\n" + text);
      at = i + p.length();
    }
  }

  static void assertInOrder(List<String> paragraphs, String... parts) {
    assertInOrder(String.join("\n", paragraphs), parts);
  }

  /**
   * Compares with the reviewed golden file byte for byte, or rewrites it when asked to; a copy goes to
   * target/documents for {@code infra/scripts/render-documents.sh}.
   */
  static void assertGolden(String name, String actual) {
    Path file = GOLDEN.resolve(name);
    byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
    writeToTarget(name, bytes);
    try {
      if (UPDATE_GOLDEN) {
        Files.createDirectories(GOLDEN);
        Files.write(file, bytes);
        System.out.println("golden file written: " + file.toAbsolutePath());
        return;
      }
      if (!Files.exists(file)) {
        fail("no golden file " + file + "; write it with -Ddoithoai.golden.update=true, then review it");
      }
      byte[] expected = Files.readAllBytes(file);
      assertEquals(new String(expected, StandardCharsets.UTF_8), actual, "differs from " + file
          + " (after a reviewed change, rewrite it with -Ddoithoai.golden.update=true)");
      assertTrue(java.util.Arrays.equals(expected, bytes), "byte for byte");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a generated file under target/documents (not committed), for rendering to PNG and reviewing. */
  static Path writeToTarget(String name, byte[] content) {
    try {
      Path dir = MODULE.resolve("target/documents");
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      Files.write(file, content);
      System.out.println("document written: " + file.toAbsolutePath().normalize());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
