package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.Cli;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Waits until every named consumer group has committed up to the end of the topic, printing the
 * lag as it goes: the benchmark starts measuring only once both designs have consumed the history.
 */
@Command(name = "ConsumerLagWait", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false,
    description = {
        "Exits 0 once each group's committed offsets reach the end of every partition of the topic (the end as it"
            + " was at that check), 1 if the timeout passes first. Prints the lag per group every --every to stderr.",
        ""})
public final class ConsumerLagWait implements Callable<Integer> {

  @Mixin
  private EventsTopic kafka;

  @Option(names = "--group", paramLabel = "G", required = true, description = "a consumer group, repeated for each")
  private List<String> groups;

  @Option(names = "--timeout", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "30m",
      description = "how long to wait (default ${DEFAULT-VALUE})")
  private Duration timeout;

  @Option(names = "--every", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "10s",
      description = "between two checks (default ${DEFAULT-VALUE})")
  private Duration every;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ConsumerLagWait()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long started = System.nanoTime();
    try (Admin admin = kafka.admin()) {
      while (true) {
        Map<String, Long> lags = lags(admin, kafka.topic(), groups);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.err.println("[lag] after " + seconds + " s: " + lags);
        if (lags.values().stream().allMatch(lag -> lag == 0)) {
          return 0;
        }
        if (System.nanoTime() > deadline) {
          System.err.println("[lag] still behind after " + timeout.toSeconds() + " s");
          return 1;
        }
        Thread.sleep(every.toMillis());
      }
    }
  }

  private static Map<String, Long> lags(Admin admin, String topic, List<String> groups) throws Exception {
    GroupOffsets offsets = new GroupOffsets(admin, topic);
    Map<TopicPartition, Long> ends = offsets.ends();
    Map<String, Long> lags = new TreeMap<>();
    for (String group : groups) {
      lags.put(group, offsets.lag(ends, group));
    }
    return lags;
  }
}
