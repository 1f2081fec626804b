package dev.concierge.tools.simulate;

import dev.concierge.tools.files.JsonLinesWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes each event's JSON as a line of the file, which appears once the simulation ends. */
final class JsonLinesFileSink implements EventSink {

  private final JsonLinesWriter writer;

  JsonLinesFileSink(Path path) throws IOException {
    this.writer = JsonLinesWriter.open(path);
  }

  @Override
  public void accept(String customerId, byte[] json) throws IOException {
    writer.write(json);
  }

  @Override
  public void close() throws IOException {
    try {
      writer.commit();
    } finally {
      writer.close();
    }
  }
}
