package dev.concierge.offline.training;


/** How high a model ranks each labelled moment's positive among that moment's rows. */
final class MomentRanks {

  private MomentRanks() {}

  /**
   * The mean over the moments with a positive of 1 / its rank among the moment's rows, an equal score
   * counting as half a row above it (the expected rank when ties are broken at random, so a model that
   * scores everything alike gets no credit for the order the rows happen to be in).
   *
   * @param scores one per row of {@code rows}
   */
  static double meanReciprocalRank(double[] scores, TrainingSet rows) {
    int[] moments = rows.moments();
    boolean[] positive = rows.positive();
    double sum = 0;
    int judged = 0;
    int start = 0;
    while (start < moments.length) {
      int end = start;
      while (end < moments.length && moments[end] == moments[start]) {
        end++;
      }
      for (int p = start; p < end; p++) {
        if (positive[p]) {
          sum += 1 / rankOf(p, start, end, scores);
          judged++;
        }
      }
      start = end;
    }
    return judged == 0 ? Double.NaN : sum / judged;
  }

  private static double rankOf(int row, int start, int end, double[] scores) {
    double above = 0;
    for (int other = start; other < end; other++) {
      if (other != row) {
        above += scores[other] > scores[row] ? 1 : scores[other] == scores[row] ? 0.5 : 0;
      }
    }
    return 1 + above;
  }
}
