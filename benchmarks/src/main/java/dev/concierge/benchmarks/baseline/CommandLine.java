package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of a baseline role: each option sets one configuration key, so that an option, an
 * environment variable and a {@code -D} system property are three ways to say the same thing (in that
 * order of precedence: {@code -D}, option, environment, default).
 *
 * @param usage         what {@code --help} prints
 * @param keysByOption  option (e.g. {@code --port}) to the configuration path it sets
 */
record CommandLine(String usage, Map<String, String> keysByOption) {

  static final int USAGE_ERROR = 2;

  /** The configuration with the options applied, or empty when {@code --help} was asked for. */
  Optional<Config> config(String... args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return Optional.empty();
      }
      String key = keysByOption.get(option);
      if (key == null) {
        throw new IllegalArgumentException("unknown option " + option);
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      values.put(key, args[++i]);
    }
    // unresolved defaults, so that an option also changes the keys that refer to the one it sets
    return Optional.of(
        ConfigFactory.defaultOverrides()
            .withFallback(ConfigFactory.parseMap(values, "command line"))
            .withFallback(ConfigFactory.defaultApplication())
            .withFallback(ConfigFactory.defaultReferenceUnresolved())
            .resolve());
  }

  /** The configuration, or the process ends: with the usage after {@code --help}, with an error after a bad option. */
  Config configOrExit(String... args) {
    try {
      Optional<Config> config = config(args);
      if (config.isEmpty()) {
        System.out.println(usage);
        System.exit(0);
      }
      return config.get();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + usage);
      System.exit(USAGE_ERROR);
      throw e;
    }
  }
}
