package dev.concierge.benchmarks.harness;

import dev.concierge.benchmarks.Cli;
import java.util.Arrays;
import java.util.Locale;

/** A design {@code bench decisions} measures: our node, or the Redis baseline (the seed's pipeline). */
enum Design {
  OURS,
  REDIS;

  /** The target's name in the tables and on the command lines. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A design by its name, as the tables write it. */
  static final class Converter extends Cli.Parsed<Design> {
    Converter() {
      super(text -> Arrays.stream(values()).filter(design -> design.toString().equals(text.strip())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("a design is ours or redis, not '" + text + "'")));
    }
  }
}
