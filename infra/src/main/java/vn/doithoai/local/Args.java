package vn.doithoai.local;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The command line: positional words and {@code --name value} options, with validated conversions. */
public final class Args {
  /** Options that never take a value, whatever the command ({@code bench lambda --quick}). */
  private static final Set<String> ALWAYS_FLAGS = Set.of("quick");

  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();

  public Args(String[] argv, Set<String> flags) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.startsWith("--") && a.length() > 2) {
        String name = a.substring(2);
        int eq = name.indexOf('=');
        if (eq > 0) {
          options.put(name.substring(0, eq), name.substring(eq + 1));
        } else if (flags.contains(name) || ALWAYS_FLAGS.contains(name)) {
          options.put(name, "true");
        } else if (i + 1 < argv.length) {
          options.put(name, argv[++i]);
        } else {
          throw new CliException("Thiếu giá trị cho --" + name, "missing value for --" + name);
        }
      } else {
        positional.add(a);
      }
    }
  }

  public int size() {
    return positional.size();
  }

  /** The i-th positional word; {@code what} is "vietnamese|english", used when it is missing. */
  public String word(int i, String what) {
    if (i >= positional.size()) {
      String[] names = what.split("\\|", 2);
      throw new CliException("Thiếu " + names[0], "missing " + names[names.length - 1] + "; see --help");
    }
    return positional.get(i);
  }

  public void expectWords(int n) {
    if (positional.size() > n) {
      throw new CliException("Thừa tham số '" + positional.get(n) + "'", "unexpected argument '"
          + positional.get(n) + "'");
    }
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  public String required(String name) {
    return option(name).orElseThrow(() -> new CliException("Thiếu --" + name, "missing --" + name));
  }

  public boolean flag(String name) {
    return options.containsKey(name);
  }

  static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new CliException("Ngày không hợp lệ '" + s + "' (cần dạng YYYY-MM-DD)",
          "invalid date '" + s + "' (expected YYYY-MM-DD)");
    }
  }

  static int count(String s) {
    int n;
    try {
      n = Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new CliException("Số ngày không hợp lệ '" + s + "'", "invalid number of days '" + s + "'");
    }
    if (n < 0) {
      throw new CliException("Số ngày phải không âm, nhận " + n, "the number of days must not be negative: " + n);
    }
    return n;
  }

  static int year(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new CliException("Năm không hợp lệ '" + s + "'", "invalid year '" + s + "'");
    }
  }
}
