package dev.concierge.models;

import static dev.concierge.models.EventIdWindow.keyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdWindowTest {

  private static EventIdWindow windowWith(int capacity, String... ids) {
    EventIdWindow window = new EventIdWindow(capacity);
    for (String id : ids) {
      window.add(id);
    }
    return window;
  }

  private static List<Long> keysOf(String... ids) {
    return Arrays.stream(ids).map(EventIdWindow::keyOf).toList();
  }

  @Test
  void aCapacityBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new EventIdWindow(0));
    assertThrows(IllegalArgumentException.class, () -> new EventIdWindow(-5));
    assertThrows(IllegalArgumentException.class, () -> EventIdWindow.of(0, List.of()));
  }

  @Test
  void aNewWindowRemembersNothing() {
    EventIdWindow window = new EventIdWindow(3);

    assertEquals(0, window.size());
    assertEquals(3, window.capacity());
    assertTrue(window.keys().isEmpty());
    assertFalse(window.contains("e-1"));
  }

  @Test
  void itRemembersTheIdsItWasGiven() {
    EventIdWindow window = windowWith(3, "e-1", "e-2");

    assertTrue(window.contains("e-1"));
    assertTrue(window.contains("e-2"));
    assertFalse(window.contains("e-3"));
    assertEquals(2, window.size());
  }

  @Test
  void keysAreListedOldestFirst() {
    assertEquals(keysOf("e-1", "e-2", "e-3"), windowWith(5, "e-1", "e-2", "e-3").keys());
  }

  @Test
  void onceFullItForgetsTheOldestId() {
    EventIdWindow window = windowWith(3, "e-1", "e-2", "e-3", "e-4");

    assertEquals(3, window.size());
    assertFalse(window.contains("e-1"), "the oldest id is forgotten");
    assertTrue(window.contains("e-2"));
    assertTrue(window.contains("e-4"));
    assertEquals(keysOf("e-2", "e-3", "e-4"), window.keys());
  }

  @Test
  void keysStayOldestFirstAfterTheRingWrapsManyTimes() {
    EventIdWindow window = new EventIdWindow(4);
    for (int i = 1; i <= 23; i++) {
      window.add("e-" + i);
    }

    assertEquals(keysOf("e-20", "e-21", "e-22", "e-23"), window.keys());
  }

  @Test
  void itNeverHoldsMoreThanItsCapacity() {
    EventIdWindow window = new EventIdWindow(10);
    for (int i = 0; i < 1_000; i++) {
      window.add("e-" + i);
      assertTrue(window.size() <= 10);
    }

    assertEquals(10, window.size());
    assertEquals(10, window.keys().size());
    assertTrue(window.contains("e-999"));
    assertTrue(window.contains("e-990"));
    assertFalse(window.contains("e-989"));
  }

  @Test
  void addingARememberedIdAgainNeitherGrowsTheWindowNorEvictsAnything() {
    EventIdWindow window = windowWith(3, "e-1", "e-2", "e-3");

    window.add("e-2");

    assertEquals(3, window.size());
    assertEquals(keysOf("e-1", "e-2", "e-3"), window.keys());
  }

  @Test
  void keysIsASnapshotThatLaterAddsDoNotChange() {
    EventIdWindow window = windowWith(2, "e-1", "e-2");
    List<Long> snapshot = window.keys();

    window.add("e-3");

    assertEquals(keysOf("e-1", "e-2"), snapshot);
    assertThrows(UnsupportedOperationException.class, () -> snapshot.add(1L));
  }

  @Test
  void ofKeepsTheNewestKeysWhenGivenMoreThanItsCapacity() {
    EventIdWindow window = EventIdWindow.of(2, keysOf("e-1", "e-2", "e-3"));

    assertEquals(keysOf("e-2", "e-3"), window.keys());
    assertFalse(window.contains("e-1"));
    assertTrue(window.contains("e-2"));
    assertTrue(window.contains("e-3"));
    assertEquals(2, window.capacity());
  }

  @Test
  void ofRecognisesTheIdsBehindTheKeys() {
    EventIdWindow window = EventIdWindow.of(5, keysOf("e-1", "e-2"));

    assertTrue(window.contains("e-1"));
    assertTrue(window.contains("e-2"));
    assertFalse(window.contains("e-3"));
    assertEquals(2, window.size());
  }

  @Test
  void aWindowRebuiltFromItsKeysBehavesLikeTheOriginal() {
    EventIdWindow original = windowWith(3, "e-1", "e-2", "e-3", "e-4");

    EventIdWindow recovered = EventIdWindow.of(3, original.keys());
    original.add("e-5");
    recovered.add("e-5");
    recovered.add("e-4");

    assertEquals(original.keys(), recovered.keys(), "e-4 is still known after recovery, so not added twice");
    assertFalse(recovered.contains("e-2"), "recovery preserves which id is oldest");
  }

  @Test
  void aWindowRebuiltWithALargerCapacityKeepsEverythingAndHasRoomForMore() {
    EventIdWindow original = windowWith(2, "e-1", "e-2", "e-3");

    EventIdWindow recovered = EventIdWindow.of(4, original.keys());
    recovered.add("e-4");

    assertEquals(keysOf("e-2", "e-3", "e-4"), recovered.keys());
  }

  /** Keys are persisted in snapshots: a change of hash would make recovered dedupe miss every id. */
  @Test
  void theKeyOfAnIdIsFnv1aOverItsCharactersAndNeverChanges() {
    assertEquals(0xcbf29ce484222325L, keyOf(""), "FNV-1a 64 offset basis");
    assertEquals(0xaf63dc4c8601ec8cL, keyOf("a"), "the published FNV-1a 64 test vector for \"a\"");
    assertEquals(0x5af79a18b9906202L, keyOf("evt-000001"));
  }

  @Test
  void theKeyOfAnIdIsTheSameEveryTimeAndForEqualStrings() {
    String id = UUID.randomUUID().toString();

    assertEquals(keyOf(id), keyOf(id));
    assertEquals(keyOf(id), keyOf(new String(id.toCharArray())));
  }

  @Test
  void differentIdsGiveDifferentKeys() {
    Set<Long> keys = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      keys.add(keyOf("evt-" + i));
    }
    keys.add(keyOf("e-12"));
    keys.add(keyOf("e-21"));

    assertEquals(100_002, keys.size());
    assertNotEquals(keyOf("ab"), keyOf("ba"), "the order of characters matters");
  }
}
