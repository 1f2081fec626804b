package dev.concierge.tools.history;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Where history comes from, as {@code --source} says: {@code file:PATH}, {@code journal} or {@code kafka}. */
public sealed interface SourceSpec {

  String FILE_PREFIX = "file:";
  String USAGE = "file:PATH (JSON lines), journal (the Cassandra journal) or kafka (the customer-events topic)";

  /** Whether its events carry the category they were recorded under (the journal's do), or need a catalog's. */
  default boolean categoriesRecorded() {
    return this instanceof Journal;
  }

  record File(Path path) implements SourceSpec {}

  record Journal() implements SourceSpec {}

  record Kafka() implements SourceSpec {}

  /** Reads {@code --source}. */
  final class Converter implements ITypeConverter<SourceSpec> {
    @Override
    public SourceSpec convert(String value) {
      return SourceSpec.<SourceSpec>fileOrNamed(value, File::new, Map.of("journal", Journal::new, "kafka", Kafka::new), USAGE);
    }
  }

  /** {@code file:PATH} as {@code file}'s, else one of the {@code named} values. */
  static <T> T fileOrNamed(String value, Function<Path, T> file, Map<String, Supplier<T>> named, String usage) {
    if (value.startsWith(FILE_PREFIX) && value.length() > FILE_PREFIX.length()) {
      return file.apply(Path.of(value.substring(FILE_PREFIX.length())));
    }
    Supplier<T> match = named.get(value);
    if (match == null) {
      throw new TypeConversionException("must be " + usage + ", was '" + value + "'");
    }
    return match.get();
  }
}
