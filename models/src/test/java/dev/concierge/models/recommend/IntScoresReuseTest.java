package dev.concierge.models.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A table reused decision after decision holds what a new one would: the same keys in the same order,
 * the same sums and strongest sources, whatever the decisions before it left behind.
 */
class IntScoresReuseTest {

  @Property
  void aReusedTableAnswersAsANewOne(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 2_000) Integer> before,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 2_000) Integer> keys,
      @ForAll @Size(max = 400) List<@FloatRange(min = 0, max = 5) Float> weights,
      @ForAll @IntRange(min = 0, max = 300) int expected) {
    IntScores reused = new IntScores(expected);
    for (int key : before) {
      reused.add(key, 1f, key);
    }
    reused.reset(expected);
    IntScores fresh = new IntScores(expected);
    for (int i = 0; i < Math.min(keys.size(), weights.size()); i++) {
      reused.add(keys.get(i), weights.get(i), i);
      fresh.add(keys.get(i), weights.get(i), i);
    }

    assertEquals(entries(fresh), entries(reused));
    for (int key : before) {
      assertEquals(fresh.contains(key), reused.contains(key), "key " + key);
      assertEquals(fresh.get(key), reused.get(key), "key " + key);
    }
  }

  /** Every key in the order the table gives them, with its sum and strongest source. */
  private static List<String> entries(IntScores scores) {
    List<String> entries = new ArrayList<>();
    scores.forEachKey(key -> entries.add(key + "=" + scores.get(key) + "/" + scores.strongestSource(key)));
    return entries;
  }
}
