package vn.doithoai.core.access;

/** The staff user pool (Cognito in AWS, the local pool in the local runtime): checks a password. */
public interface IdentityProvider {
  /** What a sign-in came to. */
  sealed interface Outcome {}

  /** Signed in: the ID token (its claims carry commune, groups and agency) and how long it is valid. */
  record Signed(String idToken, int expiresInSeconds) implements Outcome {}

  /** The password was right but is temporary: a new one must be set. */
  record NewPasswordRequired() implements Outcome {}

  /** Wrong e-mail or password (never said which). */
  record Refused() implements Outcome {}

  /** The new password does not meet the pool's policy. */
  record WeakPassword() implements Outcome {}

  /** Too many attempts: try again later. */
  record Throttled() implements Outcome {}

  /** Signs in; with {@code newPassword}, also answers a first sign-in's request for a new password. */
  Outcome authenticate(String email, String password, String newPassword);
}
