package dev.concierge.engine.ingestion;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.kafka.ConsumerMessage.CommittableMessage;

/**
 * Seed and aggregate for Pekko's {@code batch} operator over Kafka records: the records that arrive while
 * the stage downstream is busy, in their order. The list grows in place; {@code batch} hands it on once.
 */
public final class RecordBatch {

  private RecordBatch() {}

  public static <K, V> List<CommittableMessage<K, V>> first(CommittableMessage<K, V> message) {
    List<CommittableMessage<K, V>> batch = new ArrayList<>();
    batch.add(message);
    return batch;
  }

  public static <K, V> List<CommittableMessage<K, V>> added(
      List<CommittableMessage<K, V>> batch, CommittableMessage<K, V> message) {
    batch.add(message);
    return batch;
  }
}
