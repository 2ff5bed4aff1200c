package vn.doithoai.core.events;

/** An event for the bus: source, detail type and JSON detail (documented in the README's event catalogue). */
public record BusEvent(String source, String detailType, String detail) {}
