package vn.doithoai.handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import vn.doithoai.core.mail.ContactIds;

/**
 * The HMAC key of the hosted form's proof of work: {@code FORM_POW_KEY} from the environment (in AWS, from the
 * template's parameter); in the local runtime, when that is unset, one generated once and kept in the data
 * folder ({@code DOITHOAI_DATA_DIR/form-pow.key}). Null when neither: every form submission then waits for a
 * clerk's check, which is safe but slow, so deployments set the key. {@link #contactHash()}: the key of the keyed
 * hash that audits of citizens' requests keep instead of a contact: the contact ids' own secret
 * ({@code CONTACT_ID_KEY}, the template's {@code ContactIdKey}; the hash is taken over commune and contact, so it
 * never equals a contact id), or locally {@link ContactIds#DEV_KEY} like the ids themselves.
 */
final class FormKey {
  private FormKey() {}

  static String get() {
    return named("FORM_POW_KEY", "form-pow.key");
  }

  static byte[] contactHash() {
    String key = Config.get("CONTACT_ID_KEY");
    return (key == null || key.isBlank() ? ContactIds.DEV_KEY : key).getBytes(StandardCharsets.UTF_8);
  }

  private static String named(String variable, String fileName) {
    String key = Config.get(variable);
    if (key != null && !key.isBlank()) {
      return key;
    }
    String dir = Config.get("DOITHOAI_DATA_DIR");
    if (dir == null || dir.isBlank()) {
      return null;
    }
    Path file = Path.of(dir, fileName);
    try {
      if (!Files.exists(file)) {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        Files.writeString(file, HexFormat.of().formatHex(b), StandardCharsets.US_ASCII);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
