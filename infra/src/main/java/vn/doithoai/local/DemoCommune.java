package vn.doithoai.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.commune.Agency;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * The commune {@code demo}, seeded at the first start of the local runtime so that the README's examples
 * work: Lạng Sơn's rules (seed 000), a few agencies, and a webhook secret — the one given with
 * {@code --webhook-secret}, or a generated one, printed at start.
 */
public final class DemoCommune {
  public static final String ID = "demo";

  private DemoCommune() {}

  public static String ensure(Path dataDir, String webhookSecretOrNull) {
    DynamoCommunes communes = new DynamoCommunes(DynamoTable.fromEnvironment());
    Instant now = Clock.systemUTC().instant();
    Optional<Commune> existing = communes.find(ID);
    if (existing.isEmpty()) {
      WebhookSecret secret = webhookSecretOrNull == null ? WebhookSecret.generate("ws_demo", now)
          : new WebhookSecret("ws_demo", webhookSecretOrNull, now, Optional.empty());
      communes.create(commune(now), List.of(secret));
      return "Đã tạo xã mẫu 'demo' / seeded commune 'demo'; webhook secret: " + secret.secret();
    }
    List<WebhookSecret> current = communes.secrets(ID);
    if (webhookSecretOrNull != null && current.stream().noneMatch(s -> s.secret().equals(webhookSecretOrNull)
        && s.validAt(now))) {
      communes.replaceSecrets(ID, current, List.of(new WebhookSecret("ws_demo_" + now.getEpochSecond(),
          webhookSecretOrNull, now, Optional.empty())));
      return "Xã 'demo': dùng webhook secret mới / commune 'demo' now uses the given webhook secret: "
          + webhookSecretOrNull;
    }
    String shown = webhookSecretOrNull != null ? webhookSecretOrNull : current.stream().filter(s -> s.validAt(now))
        .reduce((a, b) -> b).map(WebhookSecret::secret).orElse("(none)");
    return "Xã 'demo' / commune 'demo'; webhook secret: " + shown;
  }

  static Commune commune(Instant now) {
    return new Commune(ID, "Xã Demo", "Lạng Sơn", "lang-son-320", "Văn phòng Đảng ủy", "Văn phòng HĐND và UBND",
        "vanphong@demo.example.vn", "chutich@demo.example.vn", "mttq@demo.example.vn", "https://demo.example.vn",
        List.of(new Agency("phong-kinh-te", "Phòng Kinh tế", "kinhte@demo.example.vn"),
            new Agency("phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", "vhxh@demo.example.vn"),
            new Agency("trung-tam-phvhcc", "Trung tâm Phục vụ hành chính công", "phvhcc@demo.example.vn"),
            new Agency("cong-an-xa", "Công an xã", "congan@demo.example.vn"),
            new Agency("tram-y-te", "Trạm y tế xã", "yte@demo.example.vn")),
        1, now);
  }
}
