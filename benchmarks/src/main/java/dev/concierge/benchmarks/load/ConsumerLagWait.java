package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.CommandLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until every named consumer group has committed up to the end of the topic, printing the
 * lag as it goes: the benchmark starts measuring only once both designs have consumed the history.
 */
public final class ConsumerLagWait {

  private static final Set<String> OPTIONS = Set.of("bootstrap", "topic", "group", "timeout", "every");
  private static final String USAGE = String.join("\n",
      "usage: ConsumerLagWait --bootstrap HOST:PORT --topic T --group G [--group G ...] [--timeout D] [--every D]",
      "",
      "Exits 0 once each group's committed offsets reach the end of every partition of the topic (the",
      "end as it was at that check), 1 if the timeout passes first (default 30m). Prints the lag per",
      "group every --every (default 10s) to stderr.");

  private ConsumerLagWait() {}

  public static void main(String[] args) throws Exception {
    CommandLine line = CommandLine.ofTool("ConsumerLagWait", USAGE, args, OPTIONS);
    if (line.all("group").isEmpty()) {
      CommandLine.exitWithUsage("ConsumerLagWait", "name at least one --group", USAGE);
    }
    String topic = line.text("topic", "customer-events");
    Duration timeout = line.duration("timeout", "30m");
    Duration every = line.duration("every", "10s");
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, line.text("bootstrap", "127.0.0.1:9092"));
    long deadline = System.nanoTime() + timeout.toNanos();
    long started = System.nanoTime();
    try (Admin admin = Admin.create(props)) {
      while (true) {
        Map<String, Long> lags = lags(admin, topic, line.all("group"));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.err.println("[lag] after " + seconds + " s: " + lags);
        if (lags.values().stream().allMatch(lag -> lag == 0)) {
          return;
        }
        if (System.nanoTime() > deadline) {
          System.err.println("[lag] still behind after " + timeout.toSeconds() + " s");
          System.exit(1);
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
