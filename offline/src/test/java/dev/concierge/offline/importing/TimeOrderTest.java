package dev.concierge.offline.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimeOrderTest {

  @Test
  void rowsOfTheSameTimeKeepTheirFileOrder() {
    assertArrayEquals(new int[] {1, 3, 0, 2}, TimeOrder.of(new long[] {5, 1, 5, 1}, 4));
  }

  @Property(tries = 500)
  void theOrderIsAPermutationSortedByTimeWithTiesInRowOrder(
      @ForAll @Size(max = 200) List<@LongRange(min = -3, max = 3) Long> times) {
    long[] millis = times.stream().mapToLong(Long::longValue).toArray();

    int[] order = TimeOrder.of(millis, millis.length);

    int[] rows = order.clone();
    Arrays.sort(rows);
    for (int i = 0; i < rows.length; i++) {
      assertEquals(i, rows[i]);
    }
    for (int i = 1; i < order.length; i++) {
      long before = millis[order[i - 1]];
      long after = millis[order[i]];
      assertTrue(before < after || (before == after && order[i - 1] < order[i]), "at " + i);
    }
  }
}
