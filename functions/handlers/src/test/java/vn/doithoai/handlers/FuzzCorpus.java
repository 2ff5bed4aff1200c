package vn.doithoai.handlers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The seed corpus of the fuzz suite, with the inputs issue #11 found (empty and whitespace bodies, duplicated
 * keys, deep nesting, trailing garbage, two objects in a row, e-mail addresses SES cannot send, a lone surrogate,
 * a {@code #} in a path segment), and the mutations that grow new inputs from them.
 */
final class FuzzCorpus {
  private FuzzCorpus() {}

  static final String OPINION = "{\"content\": \"Đường liên thôn Nà Pàn xuống cấp, đề nghị xã sửa chữa trước mùa mưa.\","
      + " \"field\": \"infrastructure\", \"name\": \"Hoàng Văn Dũng\", \"email\": \"dung.hv@example.vn\","
      + " \"phone\": \"0912 345 678\", \"village\": \"Thôn Nà Pàn\", \"consentToPublish\": false}";

  static final List<String> WEBHOOK = List.of(OPINION, "", " ", "\n\t \r\n", "{}", "[]", "null", "\"x\"", "1",
      "{\"content\":\"a\",\"content\":\"b\",\"name\":\"An\",\"phone\":\"0912345678\"}",
      "{\"content\":\"Ý kiến\",\"name\":\"An\",\"phone\":\"0912345678\"}}}garbage",
      "{\"content\":\"Ý kiến\",\"name\":\"An\",\"phone\":\"0912345678\"}{\"content\":\"b\"}",
      "{\"content\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
      "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001),
      email("ý.kiến@xa.vn"), email("a\\\"b@xa.vn"), email(".a@xa.vn"), email("a@b..vn"), email("a@Xã.vn"),
      email("\\ud800@xa.vn"), email("a\\ud800b@xa.vn"),
      "{\"content\":\"Đường\\u000bliên thôn\",\"name\":\"An\\ud800\",\"phone\":\"0912345678\"}",
      "{\"content\":\"x\",\"name\":\"An\",\"phone\":\"0912345678\",\"consentToPublish\":\"có\"}",
      "{\"content\":\"x\",\"name\":\"An\",\"phone\":\"0912345678\",\"plan\":\"p#1\"}",
      "{\"content\":\"x\",\"name\":\"An\",\"phone\":\"0912345678\",\"field\":99999999999999999999999}",
      "{\"content\":\"x\",\"name\":\"An\",\"phone\":\"0912345678\",\"plan\":\"p_unknown\"}",
      "{\"content\":1e999999,\"name\":-0.0,\"phone\":[],\"email\":{}}");

  static final List<String> FORM = List.of("content=%C3%9D+ki%E1%BA%BFn&name=An&phone=0912345678",
      "content=x&content=y&name=An&email=%C3%BD.ki%E1%BA%BFn%40xa.vn", "content=%E0%A4&name=%", "=&&=&a",
      "content=a%0Bb&name=An&phone=0912345678&email=a%40b..vn", "");

  static final List<String> PATH_SEGMENTS = List.of("demo", "demo#x", "demo%23x", "DEMO", "", " ", "../demo",
      "demo\u0000", "x".repeat(300), "đồng-văn", "demo/x", "o_0123456789ab", "\ud800");

  static final List<String> STAFF_ROUTES = List.of("POST /opinions", "POST /plans", "PUT /communes/{communeId}",
      "POST /opinions/{opinionId}/answer", "POST /opinions/{opinionId}/triage");

  static final List<String> STAFF = List.of(
      "{\"channel\": \"meeting-card\", \"field\": \"environment\", \"content\": \"Bãi rác tự phát cạnh suối.\","
          + " \"raisers\": [{\"name\": \"Nông Văn Thắng\", \"email\": \"thang.nv@example.vn\", \"village\": \"Thôn Bản Chắt\"}]}",
      "{\"year\": 2025, \"issuer\": \"party-committee\", \"number\": \"12-KH/ĐU\", \"title\": \"Kế hoạch đối thoại\","
          + " \"hosts\": [{\"position\": \"Bí thư Đảng ủy\"}], \"audience\": \"Nhân dân\", \"villages\": [\"Thôn Nà Pàn\"],"
          + " \"form\": \"Hội nghị\", \"period\": \"Quý IV năm 2025\", \"meetings\": [{\"id\": \"m1\", \"date\": \"2025-11-20\","
          + " \"venue\": \"Nhà văn hóa\", \"villages\": [\"Thôn Nà Pàn\"]}], \"participants\": [\"Ủy ban MTTQ xã\"]}",
      "{\"id\": \"demo\", \"name\": \"Xã Demo\", \"province\": \"Lạng Sơn\", \"profile\": \"lang-son-320\","
          + " \"officeEmail\": \"vanphong@demo.example.vn\", \"agencies\": [{\"id\": \"phong-kinh-te\","
          + " \"name\": \"Phòng Kinh tế\", \"email\": \"kinhte@demo.example.vn\"}], \"hostEmail\": \"ý.kiến@xa.vn\"}",
      "{\"text\": \"Xã đã đưa tuyến đường vào kế hoạch.\", \"mode\": \"written\"}",
      "{\"decision\": \"accept\", \"field\": \"infrastructure\", \"urgency\": \"high\"}",
      "{\"raisers\":[{\"name\":\"A\",\"email\":\"a@b..vn\"},{\"name\":\"B\",\"email\":\"\\ud800@x.vn\"}],\"content\":\"x\",\"channel\":\"meeting-card\"}",
      "{\"year\": 1e400, \"meetings\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}", "", " ", "{\"a\":1,\"a\":1}",
      "{\"a\":1}}}garbage", "{}{}");

  /** Tokens a mutation inserts: JSON structure, escapes, controls, numbers at the edges, Vietnamese text. */
  private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\\udc00",
      "\\u000b", "\u000b", "\u0000", "\u2028", "\u0085", "\r\n", "#", "%23", "%", "@", "..", "ý", "Đ", "\ud83d\ude00",
      "null", "true", "false", "-0", "1e999999", "99999999999999999999", "-1", "0.5", "\"\"", "{}", "[]",
      "\"content\":", "\"email\":", "\"phone\":", "\"name\":", "\"raisers\":", "\"meetings\":", "\"a\":1,\"a\":2",
      "}}}garbage", "{\"a\":1}", "[".repeat(40), "{\"a\":".repeat(20), "x".repeat(6000), "ý.kiến@xa.vn",
      "a\\\"b@xa.vn", ".a@xa.vn", "a@b..vn", "a@xn--.vn", "a@Xã.vn"};

  /**
   * Mutations of {@code seed} (one in three of the time one, else up to five): flip a bit, insert a token,
   * delete, duplicate, or truncate.
   */
  static byte[] mutate(String seed, Random r) {
    byte[] b = seed.getBytes(StandardCharsets.UTF_8);
    int n = r.nextInt(3) == 0 ? 1 + r.nextInt(5) : 1;
    for (int i = 0; i < n; i++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      switch (r.nextInt(6)) {
        case 0 -> {
          if (b.length > 0) {
            b = b.clone();
            b[Math.min(at, b.length - 1)] ^= (byte) (1 << r.nextInt(8));
          }
        }
        case 1, 2 -> b = splice(b, at, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
        case 3 -> b = splice(b, at, Math.min(b.length, at + 1 + r.nextInt(16)), new byte[0]);
        case 4 -> b = splice(b, at, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r.nextInt(32))));
        default -> b = Arrays.copyOf(b, at);
      }
    }
    return b;
  }

  /** Values that replace a field's value in a well-formed body: each must meet its field's validation. */
  private static final Object[] VALUES = {"", " ", "\u000b", "a\u000bb", "\ud800", "x".repeat(5001), "ý.kiến@xa.vn",
      "a\"b@xa.vn", ".a@xa.vn", "a@b..vn", "an@Xã.vn", "AN@EXAMPLE.VN", "p#1", "m#1", "../x", "demo", "2025-02-30",
      "2025-11-20", "infrastructure", "meeting-card", "written", "accept", "true", 0, -1, 1e300, 3.7,
      new java.math.BigInteger("18446744073709551621"), true, null, java.util.List.of(), java.util.List.of("a", 1),
      java.util.Map.of(), java.util.Map.of("name", "Đ", "email", "a@b.vn")};

  /**
   * A well-formed variant of a JSON object seed: one to three fields (at the top or one level down) get a
   * value from {@link #VALUES}, so the body passes the parser and exercises validation and the writes behind it.
   */
  @SuppressWarnings("unchecked")
  static byte[] revalue(String seed, Random r) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(vn.doithoai.core.common.Json.readObject(seed));
    for (int i = 1 + r.nextInt(3); i > 0 && !m.isEmpty(); i--) {
      List<String> keys = new ArrayList<>(m.keySet());
      String key = keys.get(r.nextInt(keys.size()));
      Object inner = m.get(key);
      if (inner instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof java.util.Map<?, ?> first
          && r.nextBoolean()) {
        java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) first);
        List<String> innerKeys = new ArrayList<>(copy.keySet());
        copy.put(innerKeys.get(r.nextInt(innerKeys.size())), VALUES[r.nextInt(VALUES.length)]);
        m.put(key, List.of(copy));
      } else {
        m.put(key, VALUES[r.nextInt(VALUES.length)]);
      }
    }
    return vn.doithoai.core.common.Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }

  static List<byte[]> bytes(List<String> seeds) {
    List<byte[]> out = new ArrayList<>();
    seeds.forEach(s -> out.add(s.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static String email(String address) {
    return "{\"content\":\"Ý kiến\",\"name\":\"An\",\"email\":\"" + address + "\"}";
  }
}
