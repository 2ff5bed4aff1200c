package vn.doithoai.local.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code serve} and {@code token}: {@code --name value} or {@code --name=value}, an option
 * may repeat (every value is kept), unknown options and extra words are refused. Bad input is an
 * {@link IllegalArgumentException} whose message is "Vietnamese / English", which the CLI prints as its one
 * error line with exit code 2.
 */
final class CommandOptions {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  /** {@code argv}: the whole command line, whose first word is the command; {@code allowed}: its options. */
  CommandOptions(String[] argv, Set<String> allowed) {
    boolean commandSeen = false;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--") || a.length() <= 2) {
        if (!commandSeen) {
          commandSeen = true;
          continue;
        }
        throw bad("Thừa tham số '" + a + "'", "unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < argv.length) {
        value = argv[++i];
      } else {
        throw bad("Thiếu giá trị cho --" + name, "missing value for --" + name);
      }
      if (!allowed.contains(name)) {
        throw bad("Tùy chọn không hợp lệ --" + name, "unknown option --" + name + "; see --help");
      }
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  /** The last value of an option. */
  Optional<String> option(String name) {
    List<String> v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** Every value of a repeated option, each also split at commas, blanks dropped. */
  List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of())) {
      for (String item : v.split(",")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }

  String required(String name) {
    String v = option(name).orElseThrow(() -> bad("Thiếu --" + name, "missing --" + name)).strip();
    if (v.isEmpty()) {
      throw bad("Thiếu giá trị cho --" + name, "missing value for --" + name);
    }
    return v;
  }

  /** {@code --data}, default {@code .doithoai} in the current directory, made absolute. */
  Path dataDir() {
    return Path.of(option("data").orElse(".doithoai")).toAbsolutePath().normalize();
  }

  static IllegalArgumentException bad(String vietnamese, String english) {
    return new IllegalArgumentException(vietnamese + " / " + english);
  }
}
