package dev.concierge.offline.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** A JSON-lines history on disk, gzip-compressed when its name ends in {@code .gz}. */
record HistoryFile(Path path) {

  /** Long enough for any event with a generous context; short enough that a non-line file cannot fill the heap. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private static final int GZIP_BUFFER_BYTES = 1 << 16;

  /** @throws ReplaySourceException naming what is wrong with the path */
  void requireReadable() {
    if (!Files.exists(path)) {
      throw new ReplaySourceException("no such file: " + path);
    }
    if (!Files.isRegularFile(path)) {
      throw new ReplaySourceException(path + " is not a file");
    }
    if (!Files.isReadable(path)) {
      throw new ReplaySourceException("cannot read " + path + ": permission denied");
    }
  }

  LineReader lines() throws IOException {
    InputStream in = Files.newInputStream(path);
    try {
      return new LineReader(isGzip() ? new GZIPInputStream(in, GZIP_BUFFER_BYTES) : in, MAX_LINE_BYTES);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private boolean isGzip() {
    return path.getFileName().toString().endsWith(".gz");
  }
}
