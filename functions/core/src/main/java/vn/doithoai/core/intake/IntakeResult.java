package vn.doithoai.core.intake;

/** What storing a webhook delivery did. */
public sealed interface IntakeResult {
  /** The first delivery of this id: the opinion was created. */
  record Created(String trackingCode) implements IntakeResult {}

  /** The same delivery again: nothing new was created. */
  record Duplicate(String trackingCode) implements IntakeResult {}

  /** The id was already used for a different body. */
  record Mismatch() implements IntakeResult {}
}
