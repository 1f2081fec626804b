package dev.concierge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether ingestion has caught up (every partition's committed offset at its end), and whether each
 * customer's live counts, read through the HTTP API, equal the unique events sent to them.
 */
final class IngestionAudit implements AutoCloseable {

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final int READS_IN_FLIGHT = 16;
  private static final Duration POLL = Duration.ofMillis(200);
  // reading what is left after the committed offsets; a partition not read by then counts as behind
  private static final Duration LAG_READ = Duration.ofSeconds(10);

  private final Admin admin;
  private final String bootstrap;
  private final LocalCluster cluster;
  private final TestHttp http = new TestHttp(HTTP_TIMEOUT);
  private final ObjectMapper mapper = new ObjectMapper();

  IngestionAudit(String bootstrap, LocalCluster cluster) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(props);
    this.bootstrap = bootstrap;
    this.cluster = cluster;
  }

  /** Waits until the consumer group has committed every record of the events topic. */
  Duration awaitCaughtUp(Duration timeout) {
    return Eventually.within(timeout, "ingestion commits every event", () -> lag() == 0, () -> "lag " + lag());
  }

  /**
   * Committed records of the events topic that the consumer group has not committed yet. Not the end
   * offset less the committed one: a transaction's commit marker takes an offset of its own after the
   * last record, which no consumer commits past until the next record comes.
   */
  long lag() {
    Map<TopicPartition, Long> committed = committedOffsets();
    try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(
        readCommittedProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = reader.partitionsFor(cluster.eventsTopic()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      // under read_committed, the end is the last stable offset
      Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
      List<TopicPartition> behind = partitions.stream()
          .filter(partition -> committed.getOrDefault(partition, 0L) < ends.get(partition)).toList();
      reader.assign(behind);
      behind.forEach(partition -> reader.seek(partition, committed.getOrDefault(partition, 0L)));
      long unread = 0;
      long deadline = System.nanoTime() + LAG_READ.toNanos();
      while (behind.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
          if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
            unread++;
          }
        }
      }
      return unread;
    }
  }

  /** The consumer group's committed offsets, summed over the events topic's partitions. */
  long committed() {
    return committedOffsets().values().stream().mapToLong(Long::longValue).sum();
  }

  private Map<TopicPartition, Long> committedOffsets() {
    try {
      return admin.listConsumerGroupOffsets(cluster.groupId()).partitionsToOffsetAndMetadata().get().entrySet().stream()
          .filter(entry -> entry.getKey().topic().equals(cluster.eventsTopic()) && entry.getValue() != null)
          .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("could not read the consumer group's offsets", e);
    }
  }

  private Properties readCommittedProperties() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }


  /** Customers whose live counts differ from what they were sent, described; empty when all agree. */
  List<String> mismatches(Map<String, int[]> expected) throws InterruptedException {
    Semaphore inFlight = new Semaphore(READS_IN_FLIGHT);
    List<CompletableFuture<String>> reads = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, int[]> customer : expected.entrySet()) {
      NodeProcess node = cluster.serving().get(n++ % cluster.serving().size());
      inFlight.acquire();
      String features = "/v1/customers/" + customer.getKey() + "/features";
      reads.add(http.sendAsync(TestHttp.withBearer(TestHttp.request("GET", node.url(features), null, null), LocalCluster.SERVER_KEY))
          .handle((response, failure) -> {
            inFlight.release();
            return failure != null
                ? customer.getKey() + ": " + failure
                : compare(customer.getKey(), customer.getValue(), response);
          }));
    }
    return reads.stream().map(CompletableFuture::join).filter(problem -> !problem.isEmpty()).toList();
  }

  private String compare(String customer, int[] expected, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return customer + ": HTTP " + response.statusCode() + " " + response.body();
    }
    try {
      JsonNode events = mapper.readTree(response.body()).get("events");
      int[] actual = ShopperEvents.TYPES.stream().mapToInt(type -> events.get(type).asInt()).toArray();
      return Arrays.equals(actual, expected)
          ? ""
          : customer + ": counted " + Arrays.toString(actual) + ", sent " + Arrays.toString(expected);
    } catch (IOException e) {
      return customer + ": unreadable features " + e;
    }
  }

  static String summary(List<String> mismatches) {
    return mismatches.size() + " customers off, e.g. "
        + mismatches.stream().limit(5).collect(Collectors.joining("; "));
  }

  @Override
  public void close() {
    admin.close();
  }
}
