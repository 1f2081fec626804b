package dev.concierge.testing;

import dev.concierge.offline.replay.ReplaySourceException;
import dev.concierge.offline.replay.TopicRead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a real Kafka topic holds, read whole from its start as the tools read it ({@link TopicRead}). */
public final class TopicRecords {

  private static final Duration AGAIN = Duration.ofMillis(200);

  private TopicRecords() {}

  /**
   * The topic's records from the start, once there are {@code count} or {@code timeout} passed; a
   * topic that does not exist yet has none.
   */
  public static List<ConsumerRecord<byte[], byte[]>> fromStart(
      String bootstrapServers, String topic, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      try {
        TopicRead.readAll(bootstrapServers, topic, records::add);
      } catch (ReplaySourceException notThereYet) {
        records.clear();
      }
      if (records.size() >= count || System.nanoTime() >= deadline) {
        return records;
      }
      try {
        Thread.sleep(AGAIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return records;
      }
    }
  }
}
