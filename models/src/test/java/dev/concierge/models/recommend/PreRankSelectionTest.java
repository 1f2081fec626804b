package dev.concierge.models.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Two-stage scoring keeps the candidates of the highest pre-ranking logits, equal ones by the earlier. */
class PreRankSelectionTest {

  private final DecisionScratch scratch = new DecisionScratch();

  @Property
  void keepsTheHighestValuesWithTiesToTheEarlierCandidate(
      @ForAll @Size(max = 300) List<@IntRange(min = -20, max = 20) Integer> logits,
      @ForAll @IntRange(min = 1, max = 60) int keep) {
    double[] values = logits.stream().mapToDouble(logit -> logit / 4.0).toArray();
    Set<Integer> expected = IntStream.range(0, values.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparing(Comparator.naturalOrder()))
        .limit(keep)
        .collect(Collectors.toSet());

    boolean[] kept = scratch.best(values, values.length, keep);

    Set<Integer> marked = IntStream.range(0, values.length).filter(i -> kept[i]).boxed().collect(Collectors.toSet());
    assertEquals(expected, marked);
  }
}
