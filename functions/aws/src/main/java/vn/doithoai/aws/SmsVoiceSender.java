package vn.doithoai.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.mail.SmsSender;

/**
 * SMS through AWS End User Messaging SMS ({@code pinpointsmsvoicev2}): one {@code SendTextMessage} call per
 * message. The SDK's service module for it is not on the Maven mirror this project builds from, so the call is made
 * by hand, as the API reference describes it
 * (https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendTextMessage.html): AWS JSON 1.0,
 * {@code POST /} to {@code https://sms-voice.{region}.amazonaws.com/} with {@code X-Amz-Target:
 * PinpointSMSVoiceV2.SendTextMessage} and a body of {@code DestinationPhoneNumber}, {@code OriginationIdentity},
 * {@code MessageBody}, {@code MessageType} (TRANSACTIONAL: answers to a citizen are time-sensitive, not marketing),
 * optionally {@code ConfigurationSetName}, and {@code Context} {@code {"kind": …}}; the answer is {@code
 * {"MessageId": …}}. Signed with the SDK's own SigV4 signer (signing name {@code sms-voice}) and sent with the
 * URL-connection client the other clients use. Failures throw {@link MailSendFailed}, naming the message only by a
 * hash of its id (like SES).
 */
public final class SmsVoiceSender implements SmsSender {
  public static final String ORIGINATION_IDENTITY = "SMS_ORIGINATION_IDENTITY";
  public static final String CONFIGURATION_SET = "SMS_CONFIGURATION_SET";
  public static final String ENDPOINT = "DOITHOAI_SMS_ENDPOINT";
  static final String TARGET = "PinpointSMSVoiceV2.SendTextMessage";
  static final String SIGNING_NAME = "sms-voice";

  private final SdkHttpClient http;
  private final URI endpoint;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final String originationIdentity;
  private final String configurationSet;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param originationIdentity a sender ID (e.g. {@code UBNDXA}, registered for Vietnam), a phone number, a pool,
   *     or their ARN
   * @param configurationSet the configuration set (delivery events), or null
   */
  public SmsVoiceSender(SdkHttpClient http, URI endpoint, String region, AwsCredentialsProvider credentials,
      String originationIdentity, String configurationSet) {
    this.http = Objects.requireNonNull(http);
    this.endpoint = Objects.requireNonNull(endpoint);
    this.region = Objects.requireNonNull(region);
    this.credentials = Objects.requireNonNull(credentials);
    this.originationIdentity = Objects.requireNonNull(originationIdentity);
    this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet.trim();
  }

  /**
   * The sender from {@code SMS_ORIGINATION_IDENTITY} (absent or blank: none, SMS are not sent), the region and
   * credentials as the other clients; {@code DOITHOAI_SMS_ENDPOINT} (the local stand-in) with dummy credentials.
   */
  public static java.util.Optional<SmsSender> fromEnvironment() {
    String identity = AwsClients.optional(ORIGINATION_IDENTITY);
    if (identity == null) {
      return java.util.Optional.empty();
    }
    String r = DynamoClients.config(DynamoClients.REGION);
    String region = r == null || r.isBlank() ? DynamoClients.DEFAULT_REGION : r.trim();
    String local = AwsClients.optional(ENDPOINT);
    URI endpoint = URI.create(local != null ? local : "https://sms-voice." + region + ".amazonaws.com/");
    AwsCredentialsProvider credentials = local != null
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : DefaultCredentialsProvider.builder().build();
    return java.util.Optional.of(new SmsVoiceSender(UrlConnectionHttpClient.create(), endpoint, region, credentials,
        identity, AwsClients.optional(CONFIGURATION_SET)));
  }

  @Override
  public String send(OutgoingMail sms) {
    String hash = SesMailSender.hash(sms.id());
    SignedRequest signed = sign(body(sms));
    HttpExecuteResponse response;
    String text;
    try {
      response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
          .contentStreamProvider(signed.payload().orElseThrow()).build()).call();
      text = read(response);
    } catch (IOException | UncheckedIOException e) {
      throw new MailSendFailed(hash, "SMS SendTextMessage", "ClientError", 0, null, true, e);
    }
    int status = response.httpResponse().statusCode();
    String requestId = response.httpResponse().firstMatchingHeader("x-amzn-RequestId").orElse(null);
    Map<String, Object> json = text.isBlank() ? Map.of() : Json.readObject(text);
    if (status / 100 == 2 && json.get("MessageId") instanceof String id) {
      return id;
    }
    // AWS JSON 1.0 errors: "__type" is "prefix#Code" (or the header x-amzn-ErrorType); never the message,
    // which may quote the number
    String type = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
        .orElse(json.get("__type") instanceof String t ? t : "HTTP" + status);
    String code = type.substring(type.indexOf('#') + 1).replaceAll(":.*", "");
    boolean transientFailure = status == 429 || status >= 500 || code.startsWith("Throttling");
    throw new MailSendFailed(hash, "SMS SendTextMessage", code, status, requestId, transientFailure, null);
  }

  /** The request body (AWS JSON 1.0), as the API reference names its members. */
  byte[] body(OutgoingMail sms) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("DestinationPhoneNumber", sms.to());
    m.put("OriginationIdentity", originationIdentity);
    m.put("MessageBody", sms.text());
    m.put("MessageType", "TRANSACTIONAL");
    if (configurationSet != null) {
      m.put("ConfigurationSetName", configurationSet);
    }
    if (sms.kind() != null) {
      m.put("Context", Map.of("kind", sms.kind())); // delivery events carry it back; no personal data
    }
    return Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  private SignedRequest sign(byte[] body) {
    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("X-Amz-Target", TARGET)
        .putHeader("Content-Length", Integer.toString(body.length))
        .build();
    return signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
  }

  private static String read(HttpExecuteResponse response) throws IOException {
    if (response.responseBody().isEmpty()) {
      return "";
    }
    try (InputStream in = response.responseBody().get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
