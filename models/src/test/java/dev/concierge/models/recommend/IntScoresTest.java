package dev.concierge.models.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IntScoresTest {

  @Property
  void topKeysAreTheKeysOfTheHighestSums(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 500) Integer> keys,
      @ForAll @Size(max = 300) List<@IntRange(min = 1, max = 8) Integer> amounts,
      @ForAll @IntRange(min = 0, max = 60) int most) {
    IntScores scores = new IntScores(16);
    Map<Integer, Float> sums = new HashMap<>();
    for (int i = 0; i < Math.min(keys.size(), amounts.size()); i++) {
      scores.add(keys.get(i), amounts.get(i), 0);
      sums.merge(keys.get(i), (float) amounts.get(i), Float::sum);
    }
    List<Integer> top = new ArrayList<>();

    scores.forEachTopKey(most, top::add);

    assertEquals(Math.min(most, sums.size()), top.size());
    assertEquals(top.size(), top.stream().distinct().count());
    List<Float> descending = sums.values().stream().sorted(Comparator.reverseOrder()).toList();
    List<Float> taken = top.stream().map(sums::get).sorted(Comparator.reverseOrder()).toList();
    assertEquals(descending.subList(0, taken.size()), taken);
  }
}
