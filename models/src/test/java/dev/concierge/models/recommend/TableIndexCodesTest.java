package dev.concierge.models.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.Catalog;
import dev.concierge.models.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The codes an index gives the tables' items break ties between equal scores, so they must not follow
 * the tables' maps, whose iteration order changes from one JVM to the next.
 */
class TableIndexCodesTest {

  private static final int ITEMS = 200;

  @Test
  void theTablesItemsGetCodesInTheOrderOfTheirIds() {
    Map<String, Double> popularity = new HashMap<>();
    Map<String, List<Neighbour>> coViewed = new HashMap<>();
    IntStream.range(0, ITEMS).forEach(i -> popularity.put(String.format("item-%03d", ITEMS - 1 - i), (double) i));
    coViewed.put("co-viewed-only", List.of(new Neighbour("item-000", 1)));
    CandidateTables tables = new CandidateTables(coViewed, Map.of(), popularity);
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);

    TableIndex.of(tables, Catalog.EMPTY, vocabulary, 10);

    List<String> byCode = new ArrayList<>();
    for (int code = 0; code < vocabulary.items().size(); code++) {
      byCode.add(vocabulary.items().nameOf(code));
    }
    List<String> sorted = new ArrayList<>(byCode);
    sorted.sort(null);
    assertEquals(ITEMS + 1, byCode.size());
    assertEquals(sorted, byCode);
  }
}
