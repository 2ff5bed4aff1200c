package vn.doithoai.local.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import vn.doithoai.aws.AwsClients;

/**
 * {@code admin create-user --email E --commune C --role R[,R…] [--agency A] [--name N] [--password P]} and
 * either {@code --pool ID [--region R] [--endpoint URL]} (a Cognito user pool: the deployed stack's output
 * {@code UserPoolId}) or {@code --data DIR} (the local runtime's pool). The platform administrator, who
 * registers communes, is {@code --commune '*' --role admin}. Without {@code --password}, Cognito e-mails a
 * temporary password and the user sets their own at the first sign-in; locally a temporary one is printed.
 */
public final class AdminCommand {
  private static final Set<String> OPTIONS = Set.of("email", "commune", "role", "agency", "name", "password",
      "pool", "region", "endpoint", "data");

  private AdminCommand() {}

  /** {@code argv}: the command line after {@code admin} ({@code create-user --email …}). */
  public static String run(String[] argv) {
    if (argv.length > 0 && argv[0].equals("migrate-contact-ids")) {
      return migrateContactIds(new CommandOptions(argv, Set.of("table", "region", "endpoint")));
    }
    if (argv.length > 0 && argv[0].equals("register-communes")) {
      return registerCommunes(new CommandOptions(argv, Set.of("table", "region", "endpoint")));
    }
    if (argv.length == 0 || !argv[0].equals("create-user")) {
      throw CommandOptions.bad("Lệnh admin không hợp lệ (cần: admin create-user …, admin migrate-contact-ids … "
          + "hoặc admin register-communes …)", "unknown admin command (expected: admin create-user …, admin "
          + "migrate-contact-ids … or admin register-communes …)");
    }
    CommandOptions o = new CommandOptions(argv, OPTIONS);
    NewUser u = NewUser.of(o);
    if (o.option("pool").isPresent()) {
      o.option("region").ifPresent(r -> System.setProperty("AWS_REGION", r.strip()));
      o.option("endpoint").ifPresent(e -> System.setProperty(AwsClients.COGNITO_ENDPOINT, e.strip()));
      try (CognitoIdentityProviderClient cognito = AwsClients.buildCognito()) {
        createInPool(cognito, o.required("pool"), u);
      } catch (UsernameExistsException e) {
        throw CommandOptions.bad("Tài khoản " + u.email() + " đã có", "user " + u.email() + " already exists");
      }
      return "Đã tạo tài khoản / created " + u.email() + " (" + String.join(", ", u.roles()) + ", xã " + u.commune()
          + ")" + (u.password() == null ? "; Cognito gửi mật khẩu tạm qua email / Cognito e-mails a temporary "
              + "password" : "; mật khẩu đã đặt / password set");
    }
    LocalCognito pool = new LocalCognito(o.dataDir(), LocalJwt.forDataDir(o.dataDir()), Clock.systemUTC());
    if (pool.exists(u.email())) {
      throw CommandOptions.bad("Tài khoản " + u.email() + " đã có", "user " + u.email() + " already exists");
    }
    String temporary = u.password() == null ? "Tam-" + java.util.UUID.randomUUID().toString().substring(0, 8)
        + "-X9" : null;
    try {
      pool.createUser(u.email(), u.attributes(), u.password() == null ? temporary : u.password(),
          u.password() != null, u.roles());
    } catch (AwsHttp.Failure f) {
      throw CommandOptions.bad("Mật khẩu cần ít nhất 12 ký tự, gồm chữ hoa, chữ thường và chữ số",
          f.getMessage());
    }
    return "Đã tạo tài khoản cục bộ / created local user " + u.email() + " (" + String.join(", ", u.roles())
        + ", xã " + u.commune() + ")" + (temporary == null ? "" : "; mật khẩu tạm / temporary password: "
            + temporary);
  }

  /**
   * {@code admin migrate-contact-ids --table NAME [--region R] [--endpoint URL]}: the deployed table's outbox
   * messages and suppressions re-keyed by opaque contact ids ({@link vn.doithoai.aws.ContactIdMigration}), once
   * after deploying them; with {@code CONTACT_ID_KEY} set to the stack's {@code ContactIdKey}. Safe to repeat.
   */
  static String migrateContactIds(CommandOptions o) {
    String key = System.getenv("CONTACT_ID_KEY");
    if (o.option("endpoint").isEmpty() && (key == null || key.isBlank())) {
      throw CommandOptions.bad("Cần biến môi trường CONTACT_ID_KEY (giá trị tham số ContactIdKey của stack)",
          "set CONTACT_ID_KEY to the stack's ContactIdKey parameter");
    }
    if (key != null && !key.isBlank()) {
      vn.doithoai.core.mail.ContactIds.useKey(key);
    }
    o.option("region").ifPresent(r -> System.setProperty("AWS_REGION", r.strip()));
    o.option("endpoint").ifPresent(e -> System.setProperty(vn.doithoai.aws.DynamoClients.ENDPOINT, e.strip()));
    try (software.amazon.awssdk.services.dynamodb.DynamoDbClient client = vn.doithoai.aws.DynamoClients.build()) {
      vn.doithoai.aws.ContactIdMigration.Report r = new vn.doithoai.aws.ContactIdMigration(
          new vn.doithoai.aws.DynamoTable(client, o.required("table"))).run();
      return "Đã đổi khóa / re-keyed: " + r.messages() + " thư/SMS, " + r.suppressions() + " địa chỉ chặn, "
          + r.fanOuts() + " bản ghi gửi hàng loạt; " + r.busy() + " đang gửi, chạy lại sau / busy, run again";
    }
  }

  /**
   * {@code admin register-communes --table NAME [--region R] [--endpoint URL]}: communes registered before the
   * communes registry (issue #18) added to it, so a national calendar change or rule confirmation re-dates them
   * too ({@link vn.doithoai.aws.DynamoCommunes#backfillRegistry}). Once after deploying; safe to repeat.
   */
  static String registerCommunes(CommandOptions o) {
    o.option("region").ifPresent(r -> System.setProperty("AWS_REGION", r.strip()));
    o.option("endpoint").ifPresent(e -> System.setProperty(vn.doithoai.aws.DynamoClients.ENDPOINT, e.strip()));
    try (software.amazon.awssdk.services.dynamodb.DynamoDbClient client = vn.doithoai.aws.DynamoClients.build()) {
      int added = new vn.doithoai.aws.DynamoCommunes(new vn.doithoai.aws.DynamoTable(client, o.required("table")))
          .backfillRegistry();
      return "Đã ghi vào danh sách xã / added to the communes registry: " + added;
    }
  }

  /** The same requests the console's users need: the user, a verified e-mail, its groups, its password. */
  static void createInPool(CognitoIdentityProviderClient cognito, String pool, NewUser u) {
    List<AttributeType> attributes = new ArrayList<>();
    u.attributes().forEach((k, v) -> attributes.add(AttributeType.builder().name(k).value(v).build()));
    cognito.adminCreateUser(b -> b.userPoolId(pool).username(u.email()).userAttributes(attributes)
        .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
        .messageAction(u.password() == null ? null : software.amazon.awssdk.services.cognitoidentityprovider.model
            .MessageActionType.SUPPRESS));
    if (u.password() != null) {
      cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(u.email()).password(u.password())
          .permanent(true));
    }
    for (String role : u.roles()) {
      cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(u.email()).groupName(role));
    }
  }

  /** A staff user to create, validated. */
  record NewUser(String email, String commune, List<String> roles, String agency, String name, String password) {
    static NewUser of(CommandOptions o) {
      String email = o.required("email").toLowerCase(Locale.ROOT);
      if (!email.matches("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
        throw CommandOptions.bad("Email không hợp lệ '" + email + "'", "invalid e-mail '" + email + "'");
      }
      String commune = o.required("commune");
      if (!commune.equals("*") && !commune.matches("[a-z0-9][a-z0-9-]{1,39}")) {
        throw CommandOptions.bad("Mã xã không hợp lệ '" + commune + "' (chữ thường, số, gạch ngang; hoặc '*')",
            "invalid commune id '" + commune + "' (lower-case letters, digits, hyphens; or '*')");
      }
      List<String> roles = TokenCommand.roles(o.list("role"));
      if (commune.equals("*") && !roles.equals(List.of("admin"))) {
        throw CommandOptions.bad("Quản trị nền tảng (--commune '*') chỉ có vai trò admin",
            "the platform administrator (--commune '*') has the admin role only");
      }
      String agency = o.option("agency").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
      if (roles.contains("agency") != (agency != null)) {
        throw CommandOptions.bad("Vai trò agency cần --agency (và chỉ vai trò đó)",
            "the agency role needs --agency (and only that role takes it)");
      }
      String password = o.option("password").orElse(null);
      if (password != null) {
        try {
          LocalCognito.requireStrong(password);
        } catch (AwsHttp.Failure f) {
          throw CommandOptions.bad("Mật khẩu cần ít nhất 12 ký tự, gồm chữ hoa, chữ thường và chữ số",
              "the password needs 12 characters with upper case, lower case and a digit");
        }
      }
      return new NewUser(email, commune, roles, agency, o.option("name").map(String::strip).orElse(null), password);
    }

    Map<String, String> attributes() {
      Map<String, String> a = new java.util.LinkedHashMap<>();
      a.put("email", email);
      a.put("email_verified", "true");
      if (name != null && !name.isEmpty()) {
        a.put("name", java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC));
      }
      a.put("custom:commune", commune);
      if (agency != null) {
        a.put("custom:agency", agency);
      }
      return a;
    }
  }
}
