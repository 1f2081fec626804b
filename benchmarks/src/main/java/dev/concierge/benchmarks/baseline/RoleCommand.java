package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.Cli;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of a baseline role's JVM, which runs the role in an actor system of its own until the
 * system terminates (SIGTERM). Each option sets one configuration key, so that an option, an environment
 * variable and a {@code -D} system property are three ways to say the same thing (in that order of
 * precedence: {@code -D}, option, environment, default). The brokers, the catalog topic and Redis are
 * options of both roles.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
    optionListHeading = "%nOptions (each sets a key of concierge.baseline; the environment variable sets it too):%n")
abstract class RoleCommand implements Callable<Integer> {

  private final Map<String, String> given = new HashMap<>();

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", order = 1,
      description = "Kafka (kafka.bootstrap-servers, CONCIERGE_BASELINE_KAFKA_BOOTSTRAP or CONCIERGE_KAFKA_BOOTSTRAP;"
          + " default 127.0.0.1:9092)")
  private void bootstrap(String servers) {
    set("kafka.bootstrap-servers", servers);
  }

  @Option(names = "--catalog-topic", paramLabel = "NAME", order = 2,
      description = "the catalog topic (kafka.catalog-topic, CONCIERGE_BASELINE_CATALOG_TOPIC; default catalog)")
  private void catalogTopic(String topic) {
    set("kafka.catalog-topic", topic);
  }

  @Option(names = "--redis", paramLabel = "URI", order = 3,
      description = "Redis (redis.uri, CONCIERGE_BASELINE_REDIS_URI or CONCIERGE_REDIS_URI;"
          + " default redis://127.0.0.1:6380)")
  private void redis(String uri) {
    set("redis.uri", uri);
  }

  /** What an option says: {@code key} under {@code concierge.baseline} is {@code value}. */
  protected final void set(String key, Object value) {
    given.put("concierge.baseline." + key, String.valueOf(value));
  }

  /** The name of the role's actor system. */
  protected abstract String systemName();

  /** Starts the role in {@code system}; returns once it runs. */
  protected abstract void run(ActorSystem<?> system) throws Exception;

  /** The configuration with the options applied. */
  final Config config() {
    // unresolved defaults, so that an option also changes the keys that refer to the one it sets
    return ConfigFactory.defaultOverrides()
        .withFallback(ConfigFactory.parseMap(given, "command line"))
        .withFallback(ConfigFactory.defaultApplication())
        .withFallback(ConfigFactory.defaultReferenceUnresolved())
        .resolve();
  }

  /** Runs the role until its actor system terminates; a failed start ends the system. */
  @Override
  public final Integer call() throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), systemName(), config());
    try {
      run(system);
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
    system.getWhenTerminated().toCompletableFuture().join();
    return 0;
  }
}
