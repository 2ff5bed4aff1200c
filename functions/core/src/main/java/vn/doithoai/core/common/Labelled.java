package vn.doithoai.core.common;

/** A closed choice with a Vietnamese label: errors list the labels a user reads, with the code beside each. */
public interface Labelled {
  String vietnamese();
}
