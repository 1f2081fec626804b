package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentItemsTest {

  private static RecentItems pushAll(int limit, String... itemIds) {
    RecentItems items = RecentItems.NONE;
    for (String itemId : itemIds) {
      items = items.push(itemId, limit);
    }
    return items;
  }

  @Test
  void noneHoldsNothing() {
    assertTrue(RecentItems.NONE.items().isEmpty());
    assertFalse(RecentItems.NONE.contains("a"));
  }

  @Test
  void theNewestItemComesFirst() {
    assertEquals(List.of("c", "b", "a"), pushAll(5, "a", "b", "c").items());
  }

  @Test
  void anItemSeenAgainMovesToTheFrontWithoutDuplicates() {
    assertEquals(List.of("a", "c", "b"), pushAll(5, "a", "b", "c", "a").items());
  }

  @Test
  void pushingTheNewestItemAgainChangesNothing() {
    RecentItems items = pushAll(5, "a", "b");

    assertSame(items, items.push("b", 5));
  }

  @Test
  void neverHoldsMoreThanTheLimitAndForgetsTheOldest() {
    RecentItems items = pushAll(3, "a", "b", "c", "d", "e");

    assertEquals(List.of("e", "d", "c"), items.items());
    assertFalse(items.contains("a"));
    assertFalse(items.contains("b"));
  }

  @Test
  void aRepeatedItemDoesNotPushAnotherOneOut() {
    RecentItems items = pushAll(3, "a", "b", "c", "a");

    assertEquals(List.of("a", "c", "b"), items.items());
  }

  @Test
  void containsKnowsEveryRememberedItem() {
    RecentItems items = pushAll(5, "a", "b");

    assertTrue(items.contains("a"));
    assertTrue(items.contains("b"));
    assertFalse(items.contains("z"));
  }

  @Test
  void pushingReturnsANewValueAndLeavesTheOriginalUntouched() {
    RecentItems original = pushAll(5, "a", "b");

    RecentItems next = original.push("c", 5);

    assertEquals(List.of("b", "a"), original.items());
    assertEquals(List.of("c", "b", "a"), next.items());
  }

  @Test
  void theItemsCannotBeModifiedFromOutside() {
    List<String> source = new ArrayList<>(List.of("a", "b"));
    RecentItems items = new RecentItems(source);
    source.add("c");

    assertEquals(List.of("a", "b"), items.items());
    assertThrows(UnsupportedOperationException.class, () -> items.items().add("x"));
  }

  @Test
  void aSmallerLimitTrimsTheListOnTheNextPush() {
    RecentItems items = new RecentItems(List.of("a", "b", "c", "d"));

    assertEquals(List.of("e", "a"), items.push("e", 2).items());
    assertEquals(List.of("c", "a"), items.push("c", 2).items());
  }

  /** The limit applies even when nothing moves, as after recovery with a lowered recent-items-limit. */
  @Test
  void pushingTheNewestItemAgainStillHonoursTheLimit() {
    RecentItems items = new RecentItems(List.of("a", "b", "c", "d"));

    assertEquals(List.of("a", "b"), items.push("a", 2).items());
  }
}
