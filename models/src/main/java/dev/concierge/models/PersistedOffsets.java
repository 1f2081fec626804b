package dev.concierge.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The highest offset a customer persisted, per partition of the events topic: a record at or below it
 * was persisted already, so its redelivery is dropped exactly, however many of the customer's events
 * came since. That holds because ingestion has a customer's records of a partition persisted in offset
 * order, never a later one before an earlier one is confirmed.
 *
 * <p>A small map from partition to offset in two primitive arrays: a customer's events come from one
 * partition (their key is the customer), so the arrays hold one entry unless the topic was
 * repartitioned, and a look-up is a scan of that one. Mutable and confined to its owner (the customer
 * actor).
 */
public final class PersistedOffsets {

  // shared until the first mark: most customers in memory at once never need a second array
  private static final int[] NO_PARTITIONS = {};
  private static final long[] NO_OFFSETS = {};
  private static final int ABSENT = -1;

  private int[] partitions = NO_PARTITIONS;
  private long[] offsets = NO_OFFSETS;

  /** The marks of a snapshot, as {@link #highest()} gave them. */
  public static PersistedOffsets of(List<KafkaSource> highest) {
    PersistedOffsets persisted = new PersistedOffsets();
    highest.forEach(persisted::advanceTo);
    return persisted;
  }

  /** True when the record at {@code source} was persisted already: its offset is at most its partition's mark. */
  public boolean covers(KafkaSource source) {
    int slot = slotOf(source.partition());
    return slot != ABSENT && source.offset() <= offsets[slot];
  }

  /** Remembers that the record at {@code source} is persisted. */
  public void advanceTo(KafkaSource source) {
    int slot = slotOf(source.partition());
    if (slot == ABSENT) {
      slot = partitions.length;
      partitions = Arrays.copyOf(partitions, slot + 1);
      offsets = Arrays.copyOf(offsets, slot + 1);
      partitions[slot] = source.partition();
      offsets[slot] = source.offset();
    } else if (source.offset() > offsets[slot]) {
      offsets[slot] = source.offset();
    }
  }

  /** Each partition's mark, by partition. */
  public List<KafkaSource> highest() {
    List<KafkaSource> highest = new ArrayList<>(partitions.length);
    for (int slot = 0; slot < partitions.length; slot++) {
      highest.add(new KafkaSource(partitions[slot], offsets[slot]));
    }
    highest.sort(Comparator.comparingInt(KafkaSource::partition));
    return List.copyOf(highest);
  }

  private int slotOf(int partition) {
    for (int slot = 0; slot < partitions.length; slot++) {
      if (partitions[slot] == partition) {
        return slot;
      }
    }
    return ABSENT;
  }
}
