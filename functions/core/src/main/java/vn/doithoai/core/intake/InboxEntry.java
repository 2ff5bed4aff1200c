package vn.doithoai.core.intake;

import java.time.Instant;

/**
 * A delivery as the opinion it created remembers it: its id ({@code webhook-id}, or {@code form-<token>}) and the
 * hash of its body, so that a retried delivery has exactly one effect: same body → the same answer again; another
 * body under the same id → refused. Kept on the opinion's own item, for as long as the opinion.
 */
public record InboxEntry(String communeId, String webhookId, String bodyHash, Instant receivedAt) {}
