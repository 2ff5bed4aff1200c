package vn.doithoai.core.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tệp xuất lớn: an export too large to answer inline, made by a worker and kept in S3 for 7 days. Its id is
 * the request's fingerprint (plan, table, format, with contacts or not), so the same request while it runs
 * finds the same job; {@code requestedAt} tells one run of it from the next. The job names no person: the
 * plan, the table and the file name (the plan's number) only.
 */
public record ExportJob(String id, String communeId, String planId, String table, String format, boolean contacts,
    Status status, int rows, String fileName, Instant requestedAt, Optional<String> key, long bytes,
    Optional<Instant> finishedAt, Optional<String> failure) {

  /** Đang tạo, sẵn sàng, lỗi. */
  public enum Status {
    QUEUED, READY, FAILED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ExportJob {
    Objects.requireNonNull(id);
    Objects.requireNonNull(communeId);
    Objects.requireNonNull(planId);
    Objects.requireNonNull(table);
    Objects.requireNonNull(format);
    Objects.requireNonNull(status);
    Objects.requireNonNull(fileName);
    Objects.requireNonNull(requestedAt);
    key = key == null ? Optional.empty() : key;
    finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
    failure = failure == null ? Optional.empty() : failure;
  }

  /** A new job, queued. */
  public static ExportJob queued(String communeId, String planId, String table, String format, boolean contacts,
      int rows, String fileName, Instant now) {
    return new ExportJob(idOf(planId, table, format, contacts), communeId, planId, table, format, contacts,
        Status.QUEUED, rows, fileName, now, Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  /** "x" and 24 hex digits of SHA-256 over the request: the same request, the same id. */
  static String idOf(String planId, String table, String format, boolean contacts) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((planId + "\n" + table + "\n" + format + "\n"
          + contacts).getBytes(StandardCharsets.UTF_8));
      return "x" + HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where this run's file goes: under {@code exports/}, by commune, job and run; no person's name in it. */
  public String objectKey() {
    return "exports/" + communeId + "/" + id + "/" + requestedAt.toEpochMilli() + "/"
        + vn.doithoai.core.common.Download.ascii(fileName);
  }

  public ExportJob ready(String storedKey, long size, Instant now) {
    return new ExportJob(id, communeId, planId, table, format, contacts, Status.READY, rows, fileName,
        requestedAt, Optional.of(storedKey), size, Optional.of(now), Optional.empty());
  }

  public ExportJob failed(String message, Instant now) {
    return new ExportJob(id, communeId, planId, table, format, contacts, Status.FAILED, rows, fileName,
        requestedAt, Optional.empty(), 0, Optional.of(now), Optional.of(message));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("commune", communeId);
    m.put("planId", planId);
    m.put("table", table);
    m.put("format", format);
    m.put("contacts", contacts);
    m.put("status", status.code());
    m.put("rows", rows);
    m.put("fileName", fileName);
    m.put("requestedAt", requestedAt.toString());
    key.ifPresent(k -> m.put("key", k));
    m.put("bytes", bytes);
    finishedAt.ifPresent(f -> m.put("finishedAt", f.toString()));
    failure.ifPresent(f -> m.put("failure", f));
    return m;
  }

  public static ExportJob fromJson(Map<String, Object> m) {
    return new ExportJob((String) m.get("id"), (String) m.get("commune"), (String) m.get("planId"),
        (String) m.get("table"), (String) m.get("format"), Boolean.TRUE.equals(m.get("contacts")),
        Status.valueOf(((String) m.get("status")).toUpperCase(java.util.Locale.ROOT)),
        ((Number) m.get("rows")).intValue(), (String) m.get("fileName"), Instant.parse((String) m.get("requestedAt")),
        Optional.ofNullable((String) m.get("key")), ((Number) m.getOrDefault("bytes", 0)).longValue(),
        Optional.ofNullable((String) m.get("finishedAt")).map(Instant::parse),
        Optional.ofNullable((String) m.get("failure")));
  }
}
