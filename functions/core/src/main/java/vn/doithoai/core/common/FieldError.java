package vn.doithoai.core.common;

/** One field's problem, with a Vietnamese message for the form beside that field. */
public record FieldError(String field, String message) {}
