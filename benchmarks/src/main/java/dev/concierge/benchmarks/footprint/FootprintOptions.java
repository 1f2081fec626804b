package dev.concierge.benchmarks.footprint;

import java.util.List;

/**
 * The command line of {@link EntityFootprint}.
 *
 * @param entities        customers held at once in each measurement
 * @param eventsPerEntity events folded into each customer, or {@link #FILL} for just enough to fill
 *                        every bounded list of the configured feature state
 * @param runs            measurements per representation; the report gives their median
 * @param sharded         also measure whole live entities in a one-node sharded actor system
 * @param jol             also size one customer with JOL, which must then be on the classpath
 */
record FootprintOptions(int entities, int eventsPerEntity, int runs, boolean sharded, boolean jol) {

  static final int FILL = -1;
  static final int DEFAULT_ENTITIES = 100_000;
  static final int DEFAULT_RUNS = 5;

  static final String USAGE = String.join("\n",
      "usage: EntityFootprint [--entities N] [--events-per-entity E] [--runs R] [--sharded] [--jol] [--help]",
      "",
      "Measures the retained heap per customer: the compact state (FeatureState + EventIdWindow) against a",
      "baseline that keeps the same features as CustomerFeatures (names) and the dedupe window as event-id strings.",
      "",
      "  --entities N           customers held at once (default " + DEFAULT_ENTITIES + ")",
      "  --events-per-entity E  events folded into each customer (default: just enough to fill every bounded",
      "                         list, the affinity and the dedupe window of the configured settings)",
      "  --runs R               measurements per representation, in alternating order (default " + DEFAULT_RUNS + ")",
      "  --sharded              also measure live sharded entities (a stand-in behavior and CustomerEntity)",
      "  --jol                  also size one customer with JOL's GraphLayout: put jol-core on the classpath and",
      "                         run with -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true",
      "  --help                 this text",
      "",
      "Run it with a fixed heap, e.g. -Xms2g -Xmx2g, and without -XX:+DisableExplicitGC.");

  /** @return the options, or {@code null} when {@code --help} was asked for */
  static FootprintOptions parse(List<String> args) {
    int entities = DEFAULT_ENTITIES;
    int events = FILL;
    int runs = DEFAULT_RUNS;
    boolean sharded = false;
    boolean jol = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h" -> {
          return null;
        }
        case "--entities" -> entities = positive(arg, valueAfter(args, i++));
        case "--events-per-entity" -> events = atLeastZero(arg, valueAfter(args, i++));
        case "--runs" -> runs = positive(arg, valueAfter(args, i++));
        case "--sharded" -> sharded = true;
        case "--jol" -> jol = true;
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n\n" + USAGE);
      }
    }
    return new FootprintOptions(entities, events, runs, sharded, jol);
  }

  private static String valueAfter(List<String> args, int at) {
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(args.get(at) + " needs a value");
    }
    return args.get(at + 1);
  }

  private static int positive(String option, String value) {
    int number = atLeastZero(option, value);
    if (number < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, was " + value);
    }
    return number;
  }

  private static int atLeastZero(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number < 0) {
        throw new IllegalArgumentException(option + " must be 0 or more, was " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, was " + value, e);
    }
  }
}
