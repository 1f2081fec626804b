package dev.concierge.models.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.CatalogItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingTest {

  private static final long SEED = 7;
  private static final int ROUNDS = 500;
  private static final int MAX_SIZE = 300;
  // few distinct scores, so that many contenders tie and go by item id
  private static final int SCORE_LEVELS = 20;

  private final Random random = new Random(SEED);

  private List<Contender> contenders(int size) {
    List<Contender> contenders = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      CatalogItem item = new CatalogItem("i" + i, "c", 1, true, "", 0);
      contenders.add(new Contender(new ScoredCandidate(item, random.nextInt(SCORE_LEVELS))));
    }
    return contenders;
  }

  @Test
  void readsInTheOrderOfAFullSortHoweverFarItIsRead() {
    for (int round = 0; round < ROUNDS; round++) {
      int size = random.nextInt(MAX_SIZE);
      List<Contender> contenders = contenders(size);
      List<Contender> sorted = new ArrayList<>(contenders);
      sorted.sort(Contender.BEST_FIRST);
      int firstStretch = random.nextInt(size + 1);
      int read = random.nextInt(size + 1);

      Ranking ranking = new Ranking(contenders, firstStretch);

      for (int rank = 0; rank < read; rank++) {
        assertEquals(sorted.get(rank), ranking.get(rank), "round " + round + ", rank " + rank);
      }
    }
  }

  @Test
  void aSortedOrReverseSortedInputReadsCorrectlyToTheEnd() {
    List<Contender> ascending = contenders(MAX_SIZE);
    ascending.sort(Contender.BEST_FIRST.reversed());
    List<Contender> descending = new ArrayList<>(ascending);
    descending.sort(Contender.BEST_FIRST);

    for (List<Contender> input : List.of(ascending, descending)) {
      Ranking ranking = new Ranking(input, 1);
      for (int rank = 0; rank < MAX_SIZE; rank++) {
        assertEquals(descending.get(rank), ranking.get(rank));
      }
    }
  }
}
