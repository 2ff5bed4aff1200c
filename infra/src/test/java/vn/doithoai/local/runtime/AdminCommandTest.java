package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import vn.doithoai.aws.AwsClients;
import vn.doithoai.aws.CognitoSignIn;
import vn.doithoai.core.access.IdentityProvider;

/**
 * {@code admin create-user} through the real SDK client against the local user pool (the same requests go to
 * Cognito in AWS), then the session adapter signs in as that user: the attributes and groups the CLI sent
 * are the claims the API reads. And the first sign-in with a temporary password.
 */
class AdminCommandTest {
  private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  private LocalServices services;
  private String endpoint;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    TemplateModel model = TemplateModel.load(AsyncFlowTest.template());
    services = new LocalServices(model, new LocalFunctions(model, log),
        LocalClock.forDataDir(dir, Instant.parse("2025-11-03T01:00:00Z")), null, dir, log).bind();
    endpoint = services.endpoint().toString();
    System.setProperty(AwsClients.COGNITO_ENDPOINT, endpoint);
  }

  @AfterEach
  void stop() {
    services.close();
    System.clearProperty(AwsClients.COGNITO_ENDPOINT);
  }

  private static Map<String, String> claims(IdentityProvider.Outcome o) {
    String token = assertInstanceOf(IdentityProvider.Signed.class, o).idToken();
    return vn.doithoai.local.runtime.LocalJwtAccess.claims(token);
  }

  @Test
  @DisplayName("an agency officer created by the CLI signs in with the commune, group and agency as claims")
  void agencyOfficer() {
    String out = AdminCommand.run(new String[] {"create-user", "--pool", "ap-southeast-1_local", "--endpoint",
        endpoint, "--email", "KinhTe@XaMoi.example.vn", "--commune", "xa-moi", "--role", "agency", "--agency",
        "phong-kinh-te", "--name", "Lương Văn Kiên", "--password", "Mat-Khau-Dai-2025"});
    assertTrue(out.startsWith("Đã tạo tài khoản"), out);
    try (CognitoIdentityProviderClient c = AwsClients.buildCognito()) {
      Map<String, String> claims = claims(new CognitoSignIn(c, "local-client").authenticate("kinhte@xamoi.example.vn",
          "Mat-Khau-Dai-2025", null));
      assertEquals("xa-moi", claims.get("custom:commune"));
      assertEquals("[agency]", claims.get("cognito:groups"));
      assertEquals("phong-kinh-te", claims.get("custom:agency"));
      assertEquals("Lương Văn Kiên", claims.get("name"));
      assertInstanceOf(IdentityProvider.Refused.class, new CognitoSignIn(c, "local-client")
          .authenticate("kinhte@xamoi.example.vn", "Mat-Khau-Sai-2025", null));
    }
    IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> AdminCommand.run(
        new String[] {"create-user", "--pool", "p", "--endpoint", endpoint, "--email", "kinhte@xamoi.example.vn",
            "--commune", "xa-moi", "--role", "agency", "--agency", "phong-kinh-te"}));
    assertTrue(again.getMessage().contains("đã có"), again.getMessage());
  }

  @Test
  @DisplayName("a first sign-in with a temporary password asks for a new one, refuses a weak one, then signs in")
  void firstSignIn() {
    try (CognitoIdentityProviderClient c = AwsClients.buildCognito()) {
      c.adminCreateUser(b -> b.userPoolId("p").username("vanphong@xa.example.vn").temporaryPassword("Tam-Thoi-2025x")
          .userAttributes(a -> a.name("custom:commune").value("xa"), a -> a.name("name").value("Hoàng Thị Lan")));
      c.adminAddUserToGroup(b -> b.userPoolId("p").username("vanphong@xa.example.vn").groupName("office"));
      CognitoSignIn s = new CognitoSignIn(c, "local-client");
      assertInstanceOf(IdentityProvider.NewPasswordRequired.class, s.authenticate("vanphong@xa.example.vn",
          "Tam-Thoi-2025x", null));
      assertInstanceOf(IdentityProvider.WeakPassword.class, s.authenticate("vanphong@xa.example.vn", "Tam-Thoi-2025x",
          "ngan"));
      assertEquals("[office]", claims(s.authenticate("vanphong@xa.example.vn", "Tam-Thoi-2025x", "Mat-Khau-Moi-2025"))
          .get("cognito:groups"));
      assertInstanceOf(IdentityProvider.Signed.class, s.authenticate("vanphong@xa.example.vn", "Mat-Khau-Moi-2025", null));
    }
  }

  @Test
  @DisplayName("bad input is one Vietnamese / English line: platform admin with another role, agency without --agency")
  void badInput() {
    for (String[] argv : new String[][] {
        {"create-user", "--data", "x", "--email", "a@b.vn", "--commune", "*", "--role", "office"},
        {"create-user", "--data", "x", "--email", "a@b.vn", "--commune", "demo", "--role", "agency"},
        {"create-user", "--data", "x", "--email", "ý@b.vn", "--commune", "demo", "--role", "office"},
        {"create-user", "--data", "x", "--email", "a@b.vn", "--commune", "Xã Demo", "--role", "office"},
        {"create-user", "--data", "x", "--email", "a@b.vn", "--commune", "demo", "--role", "office", "--password",
            "ngan"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdminCommand.run(argv));
      assertTrue(e.getMessage().contains(" / "), e.getMessage());
    }
  }

  @Test
  @DisplayName("the local mode writes the data folder's pool: the platform administrator signs in there")
  void localPool(@TempDir Path data) {
    String out = AdminCommand.run(new String[] {"create-user", "--data", data.toString(), "--email",
        "nentang@tinh.example.vn", "--commune", "*", "--role", "admin", "--password", "Quan-Tri-Tinh-2025"});
    assertTrue(out.contains("nentang@tinh.example.vn"), out);
    LocalCognito pool = new LocalCognito(data, LocalJwt.forDataDir(data), java.time.Clock.systemUTC());
    assertTrue(pool.exists("NenTang@tinh.example.vn"));
    assertEquals(600_000, iterations(data, "nentang@tinh.example.vn"), "a password a person chose is stretched");
  }

  @Test
  @DisplayName("the demo accounts, whose passwords are published, are hashed cheaply; a password set later is not")
  void demoAccountsHashedCheaply(@TempDir Path data) {
    LocalCognito pool = new LocalCognito(data, LocalJwt.forDataDir(data), java.time.Clock.systemUTC());
    pool.ensureDemoUsers("demo");
    for (LocalCognito.DemoUser u : LocalCognito.DEMO_USERS) {
      assertEquals(1_000, iterations(data, u.email()), u.email());
    }
    LocalCognito.DemoUser office = LocalCognito.DEMO_USERS.get(0);
    pool.setPassword(office.email(), "Mat-Khau-Rieng-2025", true);
    assertEquals(600_000, iterations(data, office.email()));
  }

  private static int iterations(Path data, String email) {
    try {
      Map<String, Object> users = AwsHttp.map(vn.doithoai.core.common.Json.readObject(java.nio.file.Files.readString(
          data.resolve(LocalCognito.FILE), StandardCharsets.UTF_8)).get("users"));
      return AwsHttp.integer(AwsHttp.map(AwsHttp.map(users.get(email)).get("password")).get("iterations"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
