package dev.concierge.tools.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that appear whole or not at all: an interrupted run leaves no half-written bundle or report. */
public final class AtomicFiles {

  private static final String READABLE_BY_ALL = "rw-r--r--";

  private AtomicFiles() {}

  /** Writes {@code bytes} beside {@code target}, then renames it into place in one step. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path partial = partialBeside(target);
    try {
      Files.write(partial, bytes);
      moveIntoPlace(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * A new empty file beside {@code target}, to be moved into place when whole.
   *
   * @throws java.nio.file.NoSuchFileException when the target's directory does not exist
   */
  static Path partialBeside(Path target) throws IOException {
    return Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".partial");
  }

  /** Renames {@code partial}, written whole, to {@code target} in one step, replacing it. */
  static void moveIntoPlace(Path partial, Path target) throws IOException {
    // temp files are private; what the tools write is meant to be shared like any output
    if (Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString(READABLE_BY_ALL));
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
