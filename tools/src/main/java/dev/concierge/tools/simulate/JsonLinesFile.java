package dev.concierge.tools.simulate;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code --out FILE}: one JSON object per line, the file replaced if it exists. */
record JsonLinesFile(Path path) implements Destination {

  @Override
  public EventSink open(Config config) throws IOException {
    return new JsonLinesFileSink(path);
  }

  @Override
  public String verb() {
    return "wrote";
  }

  @Override
  public String describe(Config config) {
    return "to " + path;
  }

  @Override
  public String failure(Exception error, Config config) {
    String reason = error instanceof NoSuchFileException
        ? "its directory does not exist"
        : error instanceof AccessDeniedException ? "permission denied" : error.getMessage();
    return "cannot write " + path + ": " + reason;
  }
}
