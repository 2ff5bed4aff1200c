package vn.doithoai.core.common;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Office Open XML package (a .docx, a .xlsx) as the zip of its XML parts, in the order given, each with the
 * same fixed time: the same parts always give the same bytes, so a golden file or a cache can compare them.
 */
public final class OfficePackage {
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
  private final Map<String, String> parts = new LinkedHashMap<>();

  public OfficePackage part(String name, String xml) {
    parts.put(name, xml);
    return this;
  }

  public byte[] bytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
    try (ZipOutputStream zip = new ZipOutputStream(bytes, UTF_8)) {
      for (Map.Entry<String, String> p : parts.entrySet()) {
        ZipEntry e = new ZipEntry(p.getKey());
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(p.getValue().getBytes(UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
