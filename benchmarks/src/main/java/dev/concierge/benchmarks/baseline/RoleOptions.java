package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.CommandLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The options of a baseline role's command line (parsed by the harness's {@link CommandLine}): each sets
 * one configuration key, so that an option, an environment variable and a {@code -D} system property
 * are three ways to say the same thing (in that order of precedence: {@code -D}, option, environment,
 * default).
 *
 * @param usage   what {@code --help} prints
 * @param options the options the role takes
 */
record RoleOptions(String usage, List<Option> options) {

  static final int USAGE_ERROR = 2;
  private static final String OPTION_DASHES = "--";
  private static final String OPTION_COLUMN = "  %-22s %s";
  private static final String CONTINUATION = "\n" + " ".repeat(String.format(OPTION_COLUMN, "", "").length());

  /**
   * @param synopsis the option and its value, e.g. {@code --port N}
   * @param key      the configuration path it sets
   * @param help     what it is, its key under {@code concierge.baseline}, its variables and default; may
   *                 hold line breaks
   */
  record Option(String synopsis, String key, String help) {
    /** Without its dashes, as {@link CommandLine} names options. */
    String name() {
      return synopsis.split(" ")[0].substring(OPTION_DASHES.length());
    }
  }

  /** The brokers, the catalog topic and Redis: both roles take them. */
  static final List<Option> SHARED = List.of(
      new Option("--bootstrap HOST:PORT", "concierge.baseline.kafka.bootstrap-servers",
          "Kafka (kafka.bootstrap-servers, CONCIERGE_BASELINE_KAFKA_BOOTSTRAP or\n"
              + "CONCIERGE_KAFKA_BOOTSTRAP; default 127.0.0.1:9092)"),
      new Option("--catalog-topic NAME", "concierge.baseline.kafka.catalog-topic",
          "the catalog topic (kafka.catalog-topic, CONCIERGE_BASELINE_CATALOG_TOPIC; default catalog)"),
      new Option("--redis URI", "concierge.baseline.redis.uri",
          "Redis (redis.uri, CONCIERGE_BASELINE_REDIS_URI or CONCIERGE_REDIS_URI;\ndefault redis://127.0.0.1:6380)"));

  /** What a role starts in its actor system. */
  @FunctionalInterface
  interface Role {
    void start(ActorSystem<?> system) throws Exception;
  }

  /**
   * @param main        the role's main class
   * @param description what the role does, a paragraph of lines
   * @param own         the role's own options; {@link #SHARED} and {@code --help} follow them
   */
  static RoleOptions of(Class<?> main, List<String> description, List<Option> own) {
    List<Option> options = new ArrayList<>(own);
    options.addAll(SHARED);
    List<String> lines = new ArrayList<>();
    lines.add("Usage: java -cp <benchmarks classpath> " + main.getName() + " [options]");
    lines.add("");
    lines.addAll(description);
    lines.add("");
    lines.add("Options (each sets a key of concierge.baseline; the environment variable sets it too):");
    options.forEach(option ->
        lines.add(String.format(OPTION_COLUMN, option.synopsis(), option.help().replace("\n", CONTINUATION))));
    lines.add(String.format(OPTION_COLUMN, "--help", "this text"));
    return new RoleOptions(String.join("\n", lines), List.copyOf(options));
  }

  /** Runs {@code role} in an actor system of its own, configured by {@code args}; a failed start ends the system. */
  void run(String[] args, String systemName, Role role) throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), systemName, configOrExit(args));
    try {
      role.start(system);
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
  }

  /** The configuration with the options applied, or empty when {@code --help} was asked for. */
  Optional<Config> config(String... args) {
    Set<String> names = options.stream().map(Option::name).collect(Collectors.toSet());
    CommandLine given = CommandLine.parse(args, names);
    if (given.help()) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    options.forEach(option -> given.all(option.name()).forEach(value -> values.put(option.key(), value)));
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
