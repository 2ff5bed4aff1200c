package vn.doithoai.core.export;

import java.net.URI;
import java.time.Duration;
import vn.doithoai.core.common.Download;

/** Port: where large exports are kept (S3, private), and the short-lived link that fetches one. */
public interface ExportFiles {
  void put(String key, Download file);

  /** A link anyone holding it can GET for {@code validFor}, the file offered under its own name. */
  URI link(String key, String fileName, Duration validFor);
}
