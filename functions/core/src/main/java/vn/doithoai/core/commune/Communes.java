package vn.doithoai.core.commune;

import java.util.List;
import java.util.Optional;

/** Port: where communes and their webhook secrets are kept. */
public interface Communes {
  /** Creates the commune with its first secret; a commune with that id already existing is a conflict. */
  void create(Commune commune, List<WebhookSecret> secrets);

  Optional<Commune> find(String communeId);

  /** Saves if the stored version is {@code expectedVersion}; otherwise a version conflict. */
  void update(Commune commune, long expectedVersion);

  List<WebhookSecret> secrets(String communeId);

  /** Replaces the secrets if they are still {@code expected} (two rotations at once: one wins). */
  void replaceSecrets(String communeId, List<WebhookSecret> expected, List<WebhookSecret> secrets);
}
