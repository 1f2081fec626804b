package dev.concierge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.testing.Eventually;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether ingestion has caught up (every partition's committed offset at its end), and whether each
 * customer's live counts, read through the HTTP API, equal the unique events sent to them.
 */
final class IngestionAudit implements AutoCloseable {

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final int READS_IN_FLIGHT = 16;

  private final Admin admin;
  private final LocalCluster cluster;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
  private final ObjectMapper mapper = new ObjectMapper();

  IngestionAudit(String bootstrap, LocalCluster cluster) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(props);
    this.cluster = cluster;
  }

  /** Waits until the consumer group has committed every record of the events topic. */
  Duration awaitCaughtUp(Duration timeout) {
    return Eventually.within(timeout, "ingestion commits every event", () -> lag() == 0, () -> "lag " + lag());
  }

  /** Records in the events topic not yet committed by the consumer group. */
  long lag() {
    return endOffsets() - committed();
  }

  /** The consumer group's committed offsets, summed over the events topic's partitions. */
  long committed() {
    try {
      return admin.listConsumerGroupOffsets(cluster.groupId()).partitionsToOffsetAndMetadata().get().entrySet().stream()
          .filter(entry -> entry.getKey().topic().equals(cluster.eventsTopic()))
          .mapToLong(entry -> entry.getValue().offset())
          .sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("could not read the consumer group's offsets", e);
    }
  }

  private long endOffsets() {
    try {
      int partitions = admin.describeTopics(List.of(cluster.eventsTopic())).allTopicNames().get()
          .get(cluster.eventsTopic()).partitions().size();
      Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        ends.put(new TopicPartition(cluster.eventsTopic(), p), OffsetSpec.latest());
      }
      return admin.listOffsets(ends).all().get().values().stream()
          .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
          .sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("could not read the events topic's end offsets", e);
    }
  }

  /** Customers whose live counts differ from what they were sent, described; empty when all agree. */
  List<String> mismatches(Map<String, int[]> expected) throws InterruptedException {
    Semaphore inFlight = new Semaphore(READS_IN_FLIGHT);
    List<CompletableFuture<String>> reads = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, int[]> customer : expected.entrySet()) {
      NodeProcess node = cluster.serving().get(n++ % cluster.serving().size());
      inFlight.acquire();
      reads.add(http.sendAsync(
              HttpRequest.newBuilder(node.url("/v1/customers/" + customer.getKey() + "/features"))
                  .timeout(HTTP_TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString())
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
