package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersistedOffsetsTest {

  @Test
  void nothingIsCoveredBeforeAnythingWasPersisted() {
    PersistedOffsets persisted = new PersistedOffsets();

    assertFalse(persisted.covers(new KafkaSource(0, 0)));
    assertEquals(List.of(), persisted.highest());
  }

  @Test
  void everyOffsetUpToThePartitionsMarkIsCoveredAndNoneAboveIt() {
    PersistedOffsets persisted = new PersistedOffsets();
    persisted.advanceTo(new KafkaSource(3, 120));

    assertTrue(persisted.covers(new KafkaSource(3, 0)));
    assertTrue(persisted.covers(new KafkaSource(3, 120)));
    assertFalse(persisted.covers(new KafkaSource(3, 121)));
  }

  @Test
  void eachPartitionHasItsOwnMark() {
    PersistedOffsets persisted = new PersistedOffsets();
    persisted.advanceTo(new KafkaSource(3, 120));
    persisted.advanceTo(new KafkaSource(1, 7));

    assertFalse(persisted.covers(new KafkaSource(1, 8)), "partition 3's mark says nothing of partition 1");
    assertFalse(persisted.covers(new KafkaSource(0, 5)), "nor of a partition never seen");
    assertTrue(persisted.covers(new KafkaSource(1, 7)));
  }

  @Test
  void aMarkNeverMovesBack() {
    PersistedOffsets persisted = new PersistedOffsets();
    persisted.advanceTo(new KafkaSource(0, 50));
    persisted.advanceTo(new KafkaSource(0, 10));

    assertEquals(List.of(new KafkaSource(0, 50)), persisted.highest());
  }

  @Test
  void theMarksComeByPartitionAndRecoverAsTheyWere() {
    PersistedOffsets persisted = new PersistedOffsets();
    persisted.advanceTo(new KafkaSource(5, 9));
    persisted.advanceTo(new KafkaSource(2, 40));
    persisted.advanceTo(new KafkaSource(5, 11));

    List<KafkaSource> highest = persisted.highest();
    PersistedOffsets recovered = PersistedOffsets.of(highest);

    assertEquals(List.of(new KafkaSource(2, 40), new KafkaSource(5, 11)), highest);
    assertEquals(highest, recovered.highest());
    assertTrue(recovered.covers(new KafkaSource(5, 11)));
    assertFalse(recovered.covers(new KafkaSource(2, 41)));
  }

  @Test
  void aSourceIsNeverNegative() {
    assertThrows(IllegalArgumentException.class, () -> new KafkaSource(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new KafkaSource(0, -1));
  }
}
