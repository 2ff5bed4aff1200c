package vn.doithoai.core.rules;

/** Whether a deadline falls before its anchor ("trước ít nhất") or after it ("chậm nhất sau"). */
public enum Direction {
  BEFORE,
  AFTER
}
