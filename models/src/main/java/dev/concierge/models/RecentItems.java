package dev.concierge.models;

import java.util.ArrayList;
import java.util.List;

/** Distinct item ids, most recent first, never more than the limit it was pushed with. */
public record RecentItems(List<String> items) {

  public static final RecentItems NONE = new RecentItems(List.of());

  public RecentItems {
    items = List.copyOf(items);
  }

  public RecentItems push(String itemId, int limit) {
    if (!items.isEmpty() && items.get(0).equals(itemId) && items.size() <= limit) {
      return this;
    }
    List<String> next = new ArrayList<>(Math.min(items.size() + 1, limit));
    next.add(itemId);
    for (String existing : items) {
      if (next.size() == limit) {
        break;
      }
      if (!existing.equals(itemId)) {
        next.add(existing);
      }
    }
    return new RecentItems(next);
  }

  public boolean contains(String itemId) {
    return items.contains(itemId);
  }
}
