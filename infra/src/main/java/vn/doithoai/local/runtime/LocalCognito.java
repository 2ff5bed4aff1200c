package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import vn.doithoai.core.common.Json;

/**
 * The Cognito user pool standing in locally ({@code X-Amz-Target: AWSCognitoIdentityProviderService.*}): the
 * operations the session function and the {@code admin create-user} command call — {@code InitiateAuth}
 * ({@code USER_PASSWORD_AUTH}), {@code RespondToAuthChallenge} ({@code NEW_PASSWORD_REQUIRED}),
 * {@code AdminCreateUser}, {@code AdminSetUserPassword}, {@code AdminAddUserToGroup}. Users live in
 * {@value #FILE} under the data folder with PBKDF2 password hashes; ID tokens carry the claims Cognito's do
 * ({@code custom:commune}, {@code cognito:groups}, {@code custom:agency}) and are signed by the local issuer
 * the local JWT authorizer trusts. The pool's password policy is the template's (12 characters, upper, lower,
 * digit).
 */
public final class LocalCognito {
  static final String FILE = "users.json";
  static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
  static final List<String> GROUPS = List.of("admin", "office", "host", "agency", "front");
  private static final int ITERATIONS = 600_000; // OWASP's figure for PBKDF2-HMAC-SHA256
  /**
   * For the demo accounts only, whose passwords are published (the README, {@code serve}'s banner): stretching
   * protects the hash of a secret, and these have none to protect, while 600,000 iterations cost about a second
   * of CPU per account at every start on a fresh data folder and again at each sign-in. A password set later
   * (a new one after the first sign-in, {@code AdminSetUserPassword}) gets {@link #ITERATIONS}.
   */
  private static final int PUBLISHED_ITERATIONS = 1_000;
  private static final int TOKEN_SECONDS = 8 * 3600; // the template's IdTokenValidity
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final LocalJwt jwt;
  private final Clock clock;
  private final Map<String, String> challenges = new ConcurrentHashMap<>(); // session → username

  public LocalCognito(Path dataDir, LocalJwt jwt, Clock clock) {
    this.file = dataDir.resolve(FILE);
    this.jwt = jwt;
    this.clock = clock;
  }

  /** One operation, as the SDK sends it; the answer's JSON, or a {@link AwsHttp.Failure} as Cognito's error. */
  Object handle(AwsHttp.Request r) {
    String op = Objects.toString(r.header("X-Amz-Target"), "").substring(TARGET_PREFIX.length());
    Map<String, Object> in = r.json("InvalidParameterException", "message");
    return switch (op) {
      case "InitiateAuth" -> initiateAuth(in);
      case "RespondToAuthChallenge" -> respond(in);
      case "AdminCreateUser" -> adminCreateUser(in);
      case "AdminSetUserPassword" -> {
        setPassword(username(in), AwsHttp.string(in.get("Password")), Boolean.TRUE.equals(in.get("Permanent")));
        yield Map.of();
      }
      case "AdminAddUserToGroup" -> {
        addToGroup(username(in), AwsHttp.string(in.get("GroupName")));
        yield Map.of();
      }
      default -> throw new AwsHttp.Failure(400, "UnknownOperationException", "message", "Operation " + op
          + " is not supported locally.");
    };
  }

  private Object initiateAuth(Map<String, Object> in) {
    if (!"USER_PASSWORD_AUTH".equals(in.get("AuthFlow"))) {
      throw new AwsHttp.Failure(400, "InvalidParameterException", "message", "Only USER_PASSWORD_AUTH is enabled.");
    }
    Map<String, Object> p = AwsHttp.map(in.get("AuthParameters"));
    Map<String, Object> user = find(AwsHttp.string(p.get("USERNAME")));
    if (user == null || !matches(user, AwsHttp.string(p.get("PASSWORD")))) {
      throw notAuthorized();
    }
    if ("FORCE_CHANGE_PASSWORD".equals(user.get("status"))) {
      String session = UUID.randomUUID().toString();
      challenges.put(session, (String) user.get("username"));
      return Map.of("ChallengeName", "NEW_PASSWORD_REQUIRED", "Session", session, "ChallengeParameters",
          Map.of("USER_ID_FOR_SRP", user.get("username")));
    }
    return Map.of("ChallengeParameters", Map.of(), "AuthenticationResult", tokens(user));
  }

  private Object respond(Map<String, Object> in) {
    String username = challenges.remove(Objects.toString(in.get("Session"), ""));
    Map<String, Object> answers = AwsHttp.map(in.get("ChallengeResponses"));
    if (username == null || !"NEW_PASSWORD_REQUIRED".equals(in.get("ChallengeName"))
        || !username.equalsIgnoreCase(Objects.toString(answers.get("USERNAME"), ""))) {
      throw notAuthorized();
    }
    setPassword(username, AwsHttp.string(answers.get("NEW_PASSWORD")), true);
    return Map.of("ChallengeParameters", Map.of(), "AuthenticationResult", tokens(find(username)));
  }

  private Object adminCreateUser(Map<String, Object> in) {
    String username = username(in).toLowerCase(Locale.ROOT);
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Object a : AwsHttp.list(in.get("UserAttributes"))) {
      Map<String, Object> m = AwsHttp.map(a);
      String name = AwsHttp.string(m.get("Name"));
      if (!List.of("email", "email_verified", "name", "custom:commune", "custom:agency").contains(name)) {
        throw new AwsHttp.Failure(400, "InvalidParameterException", "message", "Attribute does not exist in the "
            + "schema: " + name);
      }
      attributes.put(name, AwsHttp.string(m.get("Value")));
    }
    attributes.putIfAbsent("email", username);
    String temporary = AwsHttp.string(in.get("TemporaryPassword"));
    synchronized (this) {
      Map<String, Object> all = load();
      if (AwsHttp.map(all.get("users")).containsKey(username)) {
        throw new AwsHttp.Failure(400, "UsernameExistsException", "message", "User account already exists.");
      }
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("username", username);
      user.put("sub", UUID.randomUUID().toString());
      user.put("attributes", attributes);
      user.put("groups", new ArrayList<>());
      user.put("status", "FORCE_CHANGE_PASSWORD");
      // Without a temporary password Cognito generates one and e-mails it; nothing is e-mailed here, so the
      // account has no password until one is set (no sign-in matches it either way)
      user.put("password", temporary == null ? Map.of() : hash(requireStrong(temporary), ITERATIONS));
      users(all).put(username, user);
      save(all);
      return Map.of("User", Map.of("Username", user.get("sub"), "UserStatus", "FORCE_CHANGE_PASSWORD",
          "Enabled", true));
    }
  }

  synchronized void setPassword(String username, String password, boolean permanent) {
    setPassword(username, password, permanent, ITERATIONS);
  }

  private synchronized void setPassword(String username, String password, boolean permanent, int iterations) {
    Map<String, Object> all = load();
    Map<String, Object> user = AwsHttp.map(users(all).get(username.toLowerCase(Locale.ROOT)));
    if (user.isEmpty()) {
      throw new AwsHttp.Failure(400, "UserNotFoundException", "message", "User does not exist.");
    }
    user.put("password", hash(requireStrong(password), iterations));
    user.put("status", permanent ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD");
    save(all);
  }

  synchronized void addToGroup(String username, String group) {
    if (!GROUPS.contains(group)) {
      throw new AwsHttp.Failure(400, "ResourceNotFoundException", "message", "Group not found.");
    }
    Map<String, Object> all = load();
    Map<String, Object> user = AwsHttp.map(users(all).get(username.toLowerCase(Locale.ROOT)));
    if (user.isEmpty()) {
      throw new AwsHttp.Failure(400, "UserNotFoundException", "message", "User does not exist.");
    }
    List<Object> groups = new ArrayList<>(AwsHttp.list(user.get("groups")));
    if (!groups.contains(group)) {
      groups.add(group);
    }
    user.put("groups", groups);
    save(all);
  }

  /** A demo account: e-mail, password (printed: these are local, for trying the product), name, role. */
  public record DemoUser(String email, String password, String name, String role, String agency) {}

  /** One account per role in the demo commune, printed by {@code serve} and listed in the README. */
  public static final List<DemoUser> DEMO_USERS = List.of(
      new DemoUser("vanphong@demo.example.vn", "Demo-VanPhong-2025", "Hoàng Thị Lan", "office", null),
      new DemoUser("chutich@demo.example.vn", "Demo-ChuTich-2025", "Vy Xuân Tình", "host", null),
      new DemoUser("kinhte@demo.example.vn", "Demo-KinhTe-2025", "Lương Văn Kiên", "agency", "phong-kinh-te"),
      new DemoUser("mttq@demo.example.vn", "Demo-MatTran-2025", "Nông Thị Hà", "front", null),
      new DemoUser("quantri@demo.example.vn", "Demo-QuanTri-2025", "Lộc Văn Quản", "admin", null));

  /** Creates a user directly (the CLI's local mode): attributes, password (permanent or temporary), groups. */
  public void createUser(String email, Map<String, String> attributes, String password, boolean permanent,
      List<String> groups) {
    createUser(email, attributes, password, permanent, groups, ITERATIONS);
  }

  private void createUser(String email, Map<String, String> attributes, String password, boolean permanent,
      List<String> groups, int iterations) {
    List<Object> list = new ArrayList<>();
    attributes.forEach((k, v) -> list.add(attribute(k, v)));
    adminCreateUser(Map.of("Username", email, "UserAttributes", list));
    setPassword(email, password, permanent, iterations);
    groups.forEach(g -> addToGroup(email, g));
  }

  /** Creates the demo accounts that are missing (never changes one that exists); the lines to print. */
  public String ensureDemoUsers(String commune) {
    StringBuilder sb = new StringBuilder("Tài khoản mẫu / demo accounts (xã '" + commune + "'):");
    for (DemoUser u : DEMO_USERS) {
      if (!exists(u.email())) {
        Map<String, String> attributes = new LinkedHashMap<>(Map.of("email", u.email(), "email_verified", "true",
            "name", u.name(), "custom:commune", commune));
        if (u.agency() != null) {
          attributes.put("custom:agency", u.agency());
        }
        createUser(u.email(), attributes, u.password(), true, List.of(u.role()), PUBLISHED_ITERATIONS);
      }
      sb.append("\n    ").append(String.format("%-8s %-26s %s", u.role(), u.email(), u.password()));
    }
    return sb.toString();
  }

  private static Map<String, Object> attribute(String name, String value) {
    return Map.of("Name", name, "Value", value);
  }

  /** True when the pool has this user (the demo accounts are created once). */
  synchronized boolean exists(String username) {
    return users(load()).containsKey(username.toLowerCase(Locale.ROOT));
  }

  private Map<String, Object> tokens(Map<String, Object> user) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", user.get("sub"));
    claims.put("iss", LocalJwt.ISSUER);
    claims.put("aud", LocalJwt.AUDIENCE);
    claims.put("token_use", "id");
    claims.put("cognito:username", user.get("username"));
    claims.put("cognito:groups", user.get("groups"));
    AwsHttp.map(user.get("attributes")).forEach((k, v) -> {
      if (v != null && !k.equals("email_verified")) {
        claims.put(k, v);
      }
    });
    claims.put("auth_time", now);
    claims.put("iat", now);
    claims.put("exp", now + TOKEN_SECONDS);
    String idToken = jwt.sign(Json.write(claims));
    return Map.of("IdToken", idToken, "AccessToken", idToken, "ExpiresIn", TOKEN_SECONDS, "TokenType", "Bearer");
  }

  private Map<String, Object> find(String username) {
    if (username == null) {
      return null;
    }
    synchronized (this) {
      Object u = users(load()).get(username.toLowerCase(Locale.ROOT));
      return u == null ? null : AwsHttp.map(u);
    }
  }

  private static String username(Map<String, Object> in) {
    String u = AwsHttp.string(in.get("Username"));
    if (u == null || u.isBlank()) {
      throw new AwsHttp.Failure(400, "InvalidParameterException", "message", "Username is required.");
    }
    return u.strip();
  }

  private static AwsHttp.Failure notAuthorized() {
    return new AwsHttp.Failure(400, "NotAuthorizedException", "message", "Incorrect username or password.");
  }

  /** The pool's password policy (template.yaml: 12 characters, upper case, lower case, a digit). */
  static String requireStrong(String password) {
    if (password == null || password.length() < 12 || !password.matches(".*[A-Z].*")
        || !password.matches(".*[a-z].*") || !password.matches(".*[0-9].*") || !password.equals(password.strip())) {
      throw new AwsHttp.Failure(400, "InvalidPasswordException", "message",
          "Password does not conform to policy: 12 characters with upper case, lower case and a number.");
    }
    return password;
  }

  static Map<String, Object> hash(String password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return Map.of("alg", "PBKDF2WithHmacSHA256", "iterations", iterations, "salt",
        Base64.getEncoder().encodeToString(salt), "hash", Base64.getEncoder().encodeToString(
            pbkdf2(password, salt, iterations)));
  }

  private static boolean matches(Map<String, Object> user, String password) {
    Map<String, Object> h = AwsHttp.map(user.get("password"));
    if (password == null || h.isEmpty()) {
      return false;
    }
    byte[] expected = Base64.getDecoder().decode(AwsHttp.string(h.get("hash")));
    byte[] actual = pbkdf2(password, Base64.getDecoder().decode(AwsHttp.string(h.get("salt"))),
        AwsHttp.integer(h.get("iterations")));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> users(Map<String, Object> all) {
    return (Map<String, Object>) all.computeIfAbsent("users", k -> new LinkedHashMap<>());
  }

  private Map<String, Object> load() {
    try {
      return Files.exists(file) ? Json.readObject(Files.readString(file, StandardCharsets.UTF_8))
          : new LinkedHashMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void save(Map<String, Object> all) {
    try {
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(tmp, Json.write(all), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
