package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventIdWindowTest {

  private static EventIdWindow windowWith(int capacity, String... ids) {
    EventIdWindow window = new EventIdWindow(capacity);
    for (String id : ids) {
      window.add(id);
    }
    return window;
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
    assertTrue(window.ids().isEmpty());
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
  void idsAreListedOldestFirst() {
    assertEquals(List.of("e-1", "e-2", "e-3"), windowWith(5, "e-1", "e-2", "e-3").ids());
  }

  @Test
  void onceFullItForgetsTheOldestId() {
    EventIdWindow window = windowWith(3, "e-1", "e-2", "e-3", "e-4");

    assertEquals(3, window.size());
    assertFalse(window.contains("e-1"), "the oldest id is forgotten");
    assertTrue(window.contains("e-2"));
    assertTrue(window.contains("e-4"));
    assertEquals(List.of("e-2", "e-3", "e-4"), window.ids());
  }

  @Test
  void itNeverHoldsMoreThanItsCapacity() {
    EventIdWindow window = new EventIdWindow(10);
    for (int i = 0; i < 1_000; i++) {
      window.add("e-" + i);
      assertTrue(window.size() <= 10);
    }

    assertEquals(10, window.size());
    assertTrue(window.contains("e-999"));
    assertTrue(window.contains("e-990"));
    assertFalse(window.contains("e-989"));
  }

  @Test
  void addingARememberedIdAgainNeitherGrowsTheWindowNorEvictsAnything() {
    EventIdWindow window = windowWith(3, "e-1", "e-2", "e-3");

    window.add("e-2");

    assertEquals(3, window.size());
    assertEquals(List.of("e-1", "e-2", "e-3"), window.ids());
  }

  @Test
  void idsIsASnapshotThatLaterAddsDoNotChange() {
    EventIdWindow window = windowWith(2, "e-1", "e-2");
    List<String> snapshot = window.ids();

    window.add("e-3");

    assertEquals(List.of("e-1", "e-2"), snapshot);
    assertThrows(UnsupportedOperationException.class, () -> snapshot.add("e-9"));
  }

  @Test
  void ofKeepsTheNewestIdsWhenGivenMoreThanItsCapacity() {
    EventIdWindow window = EventIdWindow.of(2, List.of("e-1", "e-2", "e-3"));

    assertEquals(List.of("e-2", "e-3"), window.ids());
    assertFalse(window.contains("e-1"));
    assertTrue(window.contains("e-3"));
    assertEquals(2, window.capacity());
  }

  @Test
  void aWindowRebuiltFromItsIdsBehavesLikeTheOriginal() {
    EventIdWindow original = windowWith(3, "e-1", "e-2", "e-3", "e-4");

    EventIdWindow recovered = EventIdWindow.of(3, original.ids());
    original.add("e-5");
    recovered.add("e-5");

    assertEquals(original.ids(), recovered.ids());
    assertFalse(recovered.contains("e-2"), "recovery preserves which id is oldest");
  }
}
