package dev.concierge.tools.simulate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes each event's JSON followed by a newline, buffered. */
final class JsonLinesFileSink implements EventSink {

  private static final int BUFFER_BYTES = 1 << 16;
  private static final int NEWLINE = '\n';

  private final OutputStream out;

  JsonLinesFileSink(Path path) throws IOException {
    this.out = new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES);
  }

  @Override
  public void accept(String customerId, byte[] json) throws IOException {
    out.write(json);
    out.write(NEWLINE);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
