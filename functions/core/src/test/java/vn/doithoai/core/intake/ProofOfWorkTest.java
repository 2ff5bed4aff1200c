package vn.doithoai.core.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {
  static final String KEY = "3f1c0d7e9a4b2c6d8e0f1a2b3c4d5e6f";

  static String solved(ProofOfWork.Challenge c, long number) {
    String json = "{\"algorithm\":\"" + c.algorithm() + "\",\"challenge\":\"" + c.challenge() + "\",\"number\":"
        + number + ",\"salt\":\"" + c.salt() + "\",\"signature\":\"" + c.signature() + "\"}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static long solve(ProofOfWork.Challenge c) throws Exception {
    return Altcha.solveChallenge(c.challenge(), c.salt(), Altcha.Algorithm.SHA256, c.maxNumber(), 0).number;
  }

  @Test
  @DisplayName("a solved challenge verifies for its own form token only")
  void solvedForItsToken() throws Exception {
    ProofOfWork pow = new ProofOfWork(KEY);
    ProofOfWork.Challenge c = pow.challenge("token-aaaaaaaaaaaaaaaa");
    String payload = solved(c, solve(c));
    assertTrue(pow.verify(payload, "token-aaaaaaaaaaaaaaaa"));
    assertFalse(pow.verify(payload, "token-bbbbbbbbbbbbbbbb"), "a solution is for one form");
  }

  @Test
  @DisplayName("a wrong number, another server's key, garbage or nothing: not verified")
  void unsolved() throws Exception {
    ProofOfWork pow = new ProofOfWork(KEY);
    ProofOfWork.Challenge c = pow.challenge("token-aaaaaaaaaaaaaaaa");
    long n = solve(c);
    assertFalse(pow.verify(solved(c, n + 1), "token-aaaaaaaaaaaaaaaa"));
    assertFalse(new ProofOfWork("another-key-0000000000000000000000").verify(solved(c, n), "token-aaaaaaaaaaaaaaaa"));
    assertFalse(pow.verify("not base64 {", "token-aaaaaaaaaaaaaaaa"));
    assertFalse(pow.verify("", "token-aaaaaaaaaaaaaaaa"));
  }

  @Test
  @DisplayName("without a key there is no challenge and nothing verifies (every submission goes to a clerk)")
  void withoutKey() {
    ProofOfWork pow = new ProofOfWork(" ");
    assertFalse(pow.enabled());
    assertNull(pow.challenge("token-aaaaaaaaaaaaaaaa"));
  }
}
