package dev.concierge.models;

import static dev.concierge.models.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read side of category affinity; how scores are computed and decay is {@link FeatureStateTest}. */
class CategoryAffinityTest {

  private static final double EPSILON = 1e-12;

  private static CategoryAffinity affinity(Map<String, Double> scores) {
    return new CategoryAffinity(scores, T0);
  }

  @Test
  void noneHasNoSharesAndNoTime() {
    assertNull(CategoryAffinity.NONE.asOf());
    assertTrue(CategoryAffinity.NONE.scores().isEmpty());
    assertTrue(CategoryAffinity.NONE.shares().isEmpty());
    assertEquals(0.0, CategoryAffinity.NONE.share("tents"));
  }

  @Test
  void aShareIsTheScoreOverTheTotal() {
    CategoryAffinity affinity = affinity(Map.of("tents", 3.0, "shoes", 1.0));

    assertEquals(0.75, affinity.share("tents"), EPSILON);
    assertEquals(0.25, affinity.share("shoes"), EPSILON);
  }

  @Test
  void aSingleCategoryOwnsTheWholeShareWhateverItsScore() {
    assertEquals(1.0, affinity(Map.of("tents", 0.001)).share("tents"), EPSILON);
    assertEquals(1.0, affinity(Map.of("tents", 42.0)).share("tents"), EPSILON);
  }

  @Test
  void anUnseenCategoryHasNoShare() {
    assertEquals(0.0, affinity(Map.of("tents", 1.0)).share("shoes"));
  }

  @Test
  void sharesSumToOneAndAgreeWithShare() {
    CategoryAffinity affinity = affinity(Map.of("tents", 0.7, "shoes", 5.25, "socks", 1.0, "stoves", 0.05));

    Map<String, Double> shares = affinity.shares();

    assertEquals(4, shares.size());
    assertEquals(1.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), EPSILON);
    shares.forEach((category, share) -> assertEquals(affinity.share(category), share, EPSILON, category));
  }

  @Test
  void sharesAreListedStrongestFirst() {
    CategoryAffinity affinity = affinity(Map.of("socks", 1.0, "shoes", 8.0, "tents", 2.0));

    assertEquals(List.of("shoes", "tents", "socks"), List.copyOf(affinity.shares().keySet()));
  }

  @Test
  void tiedCategoriesAreListedByName() {
    List<String> names =
        List.of("tents", "shoes", "socks", "hats", "maps", "yoga", "gloves", "stoves", "climbing", "cycling");
    Map<String, Double> scores = new HashMap<>();
    names.forEach(name -> scores.put(name, 1.0));
    scores.put("zebra", 2.0);

    List<String> order = List.copyOf(affinity(scores).shares().keySet());

    assertEquals("zebra", order.get(0), "the strongest still comes first");
    assertEquals(
        names.stream().sorted().toList(),
        order.subList(1, order.size()),
        "ties are broken by category name, as the catalog and ranker break ties by item id");
  }

  @Test
  void allZeroScoresGiveZeroSharesRatherThanNaN() {
    CategoryAffinity affinity = affinity(Map.of("tents", 0.0, "shoes", 0.0));

    assertEquals(0.0, affinity.share("tents"));
    assertEquals(Map.of("shoes", 0.0, "tents", 0.0), affinity.shares());
    assertEquals(List.of("shoes", "tents"), List.copyOf(affinity.shares().keySet()));
  }

  @Test
  void theScoresCannotBeChangedFromOutside() {
    Map<String, Double> source = new HashMap<>(Map.of("tents", 1.0));
    CategoryAffinity affinity = affinity(source);

    source.put("shoes", 99.0);

    assertEquals(Map.of("tents", 1.0), affinity.scores());
    assertThrows(UnsupportedOperationException.class, () -> affinity.scores().put("x", 1.0));
  }

  @Test
  void affinitiesWithEqualScoresAndTimeAreEqual() {
    assertEquals(affinity(Map.of("tents", 1.5)), affinity(new HashMap<>(Map.of("tents", 1.5))));
  }
}
