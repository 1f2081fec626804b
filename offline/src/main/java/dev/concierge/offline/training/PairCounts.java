package dev.concierge.offline.training;

import dev.concierge.models.recommend.Neighbour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts how often items occur, and occur together, in sessions; turns that into neighbour lists. */
final class PairCounts {

  private final Map<String, Integer> itemCounts = new HashMap<>();
  private final Map<String, Map<String, Integer>> pairCounts = new HashMap<>();

  void addSession(List<String> items) {
    for (String item : items) {
      itemCounts.merge(item, 1, Integer::sum);
    }
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        count(items.get(i), items.get(j));
        count(items.get(j), items.get(i));
      }
    }
  }

  private void count(String item, String other) {
    pairCounts.computeIfAbsent(item, k -> new HashMap<>()).merge(other, 1, Integer::sum);
  }

  Map<String, List<Neighbour>> neighbours(int perItem) {
    Map<String, List<Neighbour>> neighbours = new HashMap<>(pairCounts.size() * 2);
    pairCounts.forEach(
        (item, others) -> {
          List<Neighbour> list = new ArrayList<>(others.size());
          double itemCount = itemCounts.get(item);
          others.forEach(
              (other, together) ->
                  list.add(new Neighbour(other, (float) (together / Math.sqrt(itemCount * itemCounts.get(other))))));
          list.sort((a, b) -> {
            int byWeight = Float.compare(b.weight(), a.weight());
            return byWeight != 0 ? byWeight : a.itemId().compareTo(b.itemId());
          });
          neighbours.put(item, List.copyOf(list.subList(0, Math.min(perItem, list.size()))));
        });
    return neighbours;
  }
}
