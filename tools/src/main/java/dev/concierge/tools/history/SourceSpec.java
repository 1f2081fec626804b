package dev.concierge.tools.history;

import dev.concierge.tools.UsageException;
import java.nio.file.Path;

/** Where history comes from, as {@code --source} says: {@code file:PATH}, {@code journal} or {@code kafka}. */
public sealed interface SourceSpec {

  String USAGE = "file:PATH (JSON lines), journal (the Cassandra journal) or kafka (the customer-events topic)";

  record File(Path path) implements SourceSpec {}

  record Journal() implements SourceSpec {}

  record Kafka() implements SourceSpec {}

  static SourceSpec parse(String value) throws UsageException {
    if (value.startsWith("file:") && value.length() > "file:".length()) {
      return new File(Path.of(value.substring("file:".length())));
    }
    return switch (value) {
      case "journal" -> new Journal();
      case "kafka" -> new Kafka();
      default -> throw new UsageException("--source must be " + USAGE + ", was '" + value + "'");
    };
  }
}
