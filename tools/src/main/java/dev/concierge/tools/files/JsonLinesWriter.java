package dev.concierge.tools.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One JSON object per line into a file that appears whole or not at all, however large: the lines
 * go to a file beside it, which {@link #commit()} renames into place; closed without a commit, it
 * leaves nothing. The one writer of the tools' JSON-lines files (simulated and imported events, catalogs).
 */
public final class JsonLinesWriter implements AutoCloseable {

  private static final int BUFFER_BYTES = 1 << 16;
  private static final int NEWLINE = '\n';

  private final Path target;
  private final Path partial;
  private final OutputStream out;
  private boolean committed;

  private JsonLinesWriter(Path target, Path partial, OutputStream out) {
    this.target = target;
    this.partial = partial;
    this.out = out;
  }

  /**
   * Starts {@code target}, replaced on commit if it exists.
   *
   * @throws java.nio.file.NoSuchFileException when its directory does not exist
   */
  public static JsonLinesWriter open(Path target) throws IOException {
    Path partial = AtomicFiles.partialBeside(target);
    return new JsonLinesWriter(target, partial, new BufferedOutputStream(Files.newOutputStream(partial), BUFFER_BYTES));
  }

  /** Appends one line: the JSON (which holds no line break), then a newline. */
  public void write(byte[] json) throws IOException {
    out.write(json);
    out.write(NEWLINE);
  }

  /** Puts the file, with every line written, in place. */
  public void commit() throws IOException {
    out.close();
    AtomicFiles.moveIntoPlace(partial, target);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(partial);
      }
    }
  }
}
