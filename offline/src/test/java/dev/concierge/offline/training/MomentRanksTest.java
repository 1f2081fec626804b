package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.scoring.FeatureSchema;
import org.junit.jupiter.api.Test;

class MomentRanksTest {

  private static final FeatureSchema SCHEMA = FeatureSchema.of("moments-test", "x");
  // two moments of three rows each; the first row of each is the positive
  private static final TrainingSet ROWS = new TrainingSet(SCHEMA,
      new double[][] {{1}, {1}, {1}, {1}, {1}, {1}},
      new boolean[] {true, false, false, true, false, false},
      new int[] {0, 0, 0, 1, 1, 1});

  @Test
  void aPositiveRankedFirstInEveryMomentScoresOne() {
    assertEquals(1.0, MomentRanks.meanReciprocalRank(new double[] {0.9, 0.1, 0.2, 0.5, 0.4, 0.3}, ROWS), 1e-12);
  }

  @Test
  void eachMomentIsRankedOnItsOwn() {
    // second in the first moment, third in the second, though both positives beat every row of the other
    double mrr = MomentRanks.meanReciprocalRank(new double[] {10, 20, 1, 5, 6, 7}, ROWS);

    assertEquals((1 / 2.0 + 1 / 3.0) / 2, mrr, 1e-12);
  }

  @Test
  void equalScoresCountAsHalfARowAboveSoAConstantModelEarnsNoOrder() {
    assertEquals(1 / 2.0, MomentRanks.meanReciprocalRank(new double[] {1, 1, 1, 1, 1, 1}, ROWS), 1e-12);
  }
}
