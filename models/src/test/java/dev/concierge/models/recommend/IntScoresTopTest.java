package dev.concierge.models.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The keys of the highest summed scores, which give the co-occurrence candidates their order. */
class IntScoresTopTest {

  @Test
  void givesTheHighestSumsFirstAndBreaksTiesByTheLowerKey() {
    IntScores scores = new IntScores(4);
    scores.add(7, 0.5f, 1);
    scores.add(3, 0.2f, 1);
    scores.add(3, 0.3f, 2);
    scores.add(9, 0.9f, 1);
    scores.add(1, 0.1f, 1);

    assertEquals(List.of(9, 3, 7), top(scores, 3));
    assertEquals(List.of(9, 3, 7, 1), top(scores, 10));
  }

  @Property
  void agreesWithSortingEverySum(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 500) Integer> keys,
      @ForAll @Size(max = 300) List<@FloatRange(min = 0, max = 5) Float> weights,
      @ForAll @IntRange(min = 0, max = 60) int most) {
    IntScores scores = new IntScores(8);
    Map<Integer, Float> sums = new HashMap<>();
    for (int i = 0; i < Math.min(keys.size(), weights.size()); i++) {
      scores.add(keys.get(i), weights.get(i), 0);
      sums.merge(keys.get(i), weights.get(i), Float::sum);
    }
    List<Integer> expected = new ArrayList<>(sums.keySet());
    expected.sort(Comparator.<Integer, Float>comparing(sums::get).reversed().thenComparing(Comparator.naturalOrder()));

    assertEquals(expected.subList(0, Math.min(most, expected.size())), top(scores, most));
  }

  private static List<Integer> top(IntScores scores, int most) {
    List<Integer> keys = new ArrayList<>();
    scores.forEachTop(most, keys::add);
    return keys;
  }
}
