package vn.doithoai.aws;

import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import vn.doithoai.core.access.IdentityProvider;

/**
 * Staff sign-in against the Cognito user pool with {@code USER_PASSWORD_AUTH} (our own Vietnamese page posts the
 * e-mail and password over TLS to the session function), including the first sign-in's new password. The
 * result is the ID token: it carries {@code custom:commune}, {@code cognito:groups} and {@code custom:agency},
 * which the API reads.
 */
public final class CognitoSignIn implements IdentityProvider {
  private final CognitoIdentityProviderClient cognito;
  private final String clientId;

  public CognitoSignIn(CognitoIdentityProviderClient cognito, String clientId) {
    this.cognito = cognito;
    this.clientId = clientId;
  }

  /** From {@code USER_POOL_CLIENT_ID} (and {@code DOITHOAI_COGNITO_ENDPOINT} locally). */
  public static CognitoSignIn fromEnvironment() {
    return new CognitoSignIn(AwsClients.buildCognito(), AwsClients.required("USER_POOL_CLIENT_ID"));
  }

  @Override
  public Outcome authenticate(String email, String password, String newPassword) {
    try {
      InitiateAuthResponse r = cognito.initiateAuth(b -> b.clientId(clientId)
          .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
          .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
      if (r.authenticationResult() != null) {
        return signed(r.authenticationResult());
      }
      if (r.challengeName() != ChallengeNameType.NEW_PASSWORD_REQUIRED) {
        return new Refused(); // MFA and other challenges are not configured on the pool
      }
      if (newPassword == null) {
        return new NewPasswordRequired();
      }
      RespondToAuthChallengeResponse c = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
          .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(r.session())
          .challengeResponses(Map.of("USERNAME", email, "NEW_PASSWORD", newPassword)));
      return c.authenticationResult() == null ? new Refused() : signed(c.authenticationResult());
    } catch (NotAuthorizedException | UserNotFoundException | UserNotConfirmedException
        | PasswordResetRequiredException e) {
      return new Refused();
    } catch (InvalidPasswordException e) {
      return new WeakPassword();
    } catch (TooManyRequestsException e) {
      return new Throttled();
    }
  }

  private static Signed signed(AuthenticationResultType a) {
    return new Signed(a.idToken(), a.expiresIn() == null ? 3600 : a.expiresIn());
  }
}
