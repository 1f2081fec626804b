package dev.concierge.tools.simulate;

import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.tools.Options;
import dev.concierge.tools.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A checked {@code simulate} command line.
 *
 * @param rate events per second, or empty for as fast as possible
 */
record SimulateArguments(SimulationSettings settings, Destination destination, OptionalDouble rate) {

  private static final Set<String> VALUED =
      Set.of("--customers", "--events", "--seed", "--out", "--rate", "--start", "--days");
  private static final String KAFKA = "--kafka";

  /** Options as {@code --name value} or {@code --name=value}; {@code --kafka} takes none. */
  static SimulateArguments parse(String... args) throws UsageException {
    Options options = Options.parse(args, VALUED, Set.of(KAFKA));
    Destination destination = destination(options.value("--out"), options.has(KAFKA));
    SimulationSettings settings;
    try {
      settings = new SimulationSettings(
          (int) between(options, "--customers", Integer.MAX_VALUE),
          between(options, "--events", Long.MAX_VALUE),
          wholeNumber(options, "--seed"),
          options.instant("--start").orElse(SimulationSettings.DEFAULT_START),
          Duration.ofDays(options.value("--days").isPresent()
              ? between(options, "--days", Integer.MAX_VALUE)
              : SimulationSettings.DEFAULT_DURATION.toDays()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new SimulateArguments(settings, destination, rate(options.value("--rate")));
  }

  private static Destination destination(Optional<String> out, boolean kafka) throws UsageException {
    if (out.isPresent() && kafka) {
      throw new UsageException("give either --out FILE or --kafka, not both");
    }
    if (kafka) {
      return new KafkaTopic();
    }
    String file = out.orElseThrow(() -> new UsageException("where to? Give --out FILE.jsonl or --kafka"));
    if (file.isBlank()) {
      throw new UsageException("--out needs a file name");
    }
    return new JsonLinesFile(Path.of(file));
  }

  private static long wholeNumber(Options options, String name) throws UsageException {
    String value = options.required(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, was '" + value + "'");
    }
  }

  private static long between(Options options, String name, long max) throws UsageException {
    long value = wholeNumber(options, name);
    if (value < 1 || value > max) {
      throw new UsageException(name + " must be between 1 and " + max + ", was " + value);
    }
    return value;
  }

  private static OptionalDouble rate(Optional<String> value) throws UsageException {
    if (value.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      double rate = Double.parseDouble(value.get());
      if (rate > 0 && Double.isFinite(rate)) {
        return OptionalDouble.of(rate);
      }
    } catch (NumberFormatException e) {
      // reported below, like any other unusable rate
    }
    throw new UsageException("--rate must be a number of events per second above 0, was '" + value.get() + "'");
  }
}
