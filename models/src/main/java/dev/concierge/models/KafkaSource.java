package dev.concierge.models;

/**
 * Where an event was read from: its partition of the events topic and its offset there. Kafka hands
 * every record of a partition a larger offset than the one before, so a record delivered again (after a
 * crash, or asked again after a timeout) has the very offset it had the first time.
 */
public record KafkaSource(int partition, long offset) {

  public KafkaSource {
    if (partition < 0 || offset < 0) {
      throw new IllegalArgumentException(
          "a Kafka partition and offset are never negative, not " + partition + "@" + offset);
    }
  }
}
