package vn.doithoai.local.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.doithoai.core.common.Role;

/**
 * {@code token --commune ID --role ROLE[,ROLE…] [--role ROLE …] [--agency ID] [--name NAME] [--sub ID]
 * [--data DIR] [--ttl HOURS]}: one JWT signed with the key {@code serve} uses for the same data directory.
 */
public final class TokenCommand {
  private static final Set<String> OPTIONS = Set.of("commune", "role", "agency", "name", "sub", "data", "ttl");
  private static final double MAX_TTL_HOURS = 24 * 366;

  private TokenCommand() {}

  /** {@code argv}: the command line ({@code token --commune …}). Returns the token. */
  public static String run(String[] argv) {
    CommandOptions o = new CommandOptions(argv, OPTIONS);
    String commune = o.required("commune");
    List<String> roles = roles(o.list("role"));
    Duration ttl = o.option("ttl").map(TokenCommand::ttl).orElse(LocalJwt.DEFAULT_TTL);
    String agency = o.option("agency").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    String name = o.option("name").map(String::strip).filter(s -> !s.isEmpty())
        .orElse("Local " + String.join(" ", roles));
    String subject = o.option("sub").map(String::strip).filter(s -> !s.isEmpty())
        .orElse("local-" + commune + "-" + String.join("-", roles) + (agency == null ? "" : "-" + agency));
    LocalJwt jwt = LocalJwt.forDataDir(o.dataDir());
    return jwt.issue(new LocalJwt.Identity(subject, name, commune, roles, agency), ttl);
  }

  /** Role codes, validated, lower-case, each once, in the order given. */
  static List<String> roles(List<String> given) {
    if (given.isEmpty()) {
      throw CommandOptions.bad("Thiếu --role", "missing --role (one of "
          + String.join(", ", codes()) + ")");
    }
    List<String> out = new ArrayList<>();
    for (String r : given) {
      String code;
      try {
        code = Role.parse(r).code();
      } catch (IllegalArgumentException e) {
        String all = String.join(", ", codes());
        throw CommandOptions.bad("Vai trò không hợp lệ '" + r + "' (cần một trong " + all + ")",
            "invalid role '" + r + "' (expected one of " + all + ")");
      }
      if (!out.contains(code)) {
        out.add(code);
      }
    }
    return out;
  }

  private static List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (Role r : Role.values()) {
      codes.add(r.code());
    }
    return codes;
  }

  private static Duration ttl(String hours) {
    double h;
    try {
      h = Double.parseDouble(hours.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      h = Double.NaN;
    }
    if (!(h > 0) || h > MAX_TTL_HOURS) {
      throw CommandOptions.bad("Thời hạn không hợp lệ '" + hours + "' (số giờ > 0)",
          "invalid --ttl '" + hours + "' (hours, > 0 and at most " + (int) MAX_TTL_HOURS + ")");
    }
    return Duration.ofSeconds(Math.max(1, Math.round(h * 3600)));
  }
}
