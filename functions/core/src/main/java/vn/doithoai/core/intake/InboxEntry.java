package vn.doithoai.core.intake;

import java.time.Instant;

/**
 * A webhook delivery remembered by its {@code webhook-id} for a while (TTL), so that a retried delivery has
 * exactly one effect: same body → the same answer again; another body under the same id → refused.
 */
public record InboxEntry(String communeId, String webhookId, String bodyHash, String opinionId,
    String trackingCode, Instant receivedAt, Instant expiresAt) {}
