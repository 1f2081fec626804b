package dev.concierge.offline.training;

import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks a model's hyper-parameters on a time-based validation split: each candidate is trained on the
 * earlier labelled moments and judged on the latest ones by how high it ranks each moment's positive
 * among that moment's candidates (mean reciprocal rank), the question the backtest asks. The rows of
 * one moment never straddle the split.
 */
final class HyperparameterSearch {

  /** One candidate and how it ranked the validation moments. */
  record Trial(Hyperparameters hyperparameters, double validationMrr) {}

  /**
   * @param chosen        the candidate with the best validation MRR (the first on a tie)
   * @param trials        every candidate tried, in the grid's order; empty when there was no split
   * @param validationAuc the chosen model's AUC over the validation rows
   * @param moments       the validation moments
   */
  record Result(Hyperparameters chosen, List<Trial> trials, double validationMrr, double validationAuc, int moments) {}

  private HyperparameterSearch() {}

  /**
   * @param holdoutShare the latest share of the moments that validates
   * @return the first candidate, unjudged, when the rows are too few to split into two learnable parts
   */
  static Result run(TrainingSet rows, ModelTrainer trainer, List<Hyperparameters> grid, double holdoutShare) {
    int moments = rows.momentCount();
    int firstValidationMoment = rows.moments().length == 0 ? 0
        : rows.moments()[0] + (int) Math.round(moments * (1 - holdoutShare));
    int split = rows.firstRowOf(firstValidationMoment);
    if (!learnable(rows, 0, split) || !learnable(rows, split, rows.size())) {
      return new Result(grid.get(0), List.of(), Double.NaN, Double.NaN, 0);
    }
    TrainingSet earlier = rows.slice(0, split);
    TrainingSet validation = rows.slice(split, rows.size());
    List<Trial> trials = new ArrayList<>(grid.size());
    Trial best = null;
    double bestAuc = Double.NaN;
    for (Hyperparameters candidate : grid) {
      Scorer scorer = ScorerCompiler.compile(trainer.train(earlier, candidate), rows.schema());
      double[] scores = new double[validation.size()];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = scorer.score(validation.rows()[i]);
      }
      Trial trial = new Trial(candidate, MomentRanks.meanReciprocalRank(scores, validation));
      trials.add(trial);
      if (best == null || trial.validationMrr() > best.validationMrr()) {
        best = trial;
        bestAuc = Auc.of(scores, validation.positive());
      }
    }
    return new Result(best.hyperparameters(), trials, best.validationMrr(), bestAuc, validation.momentCount());
  }

  private static boolean learnable(TrainingSet rows, int from, int to) {
    return from < to && TrainingSet.isLearnable(
        Arrays.copyOfRange(rows.rows(), from, to), Arrays.copyOfRange(rows.positive(), from, to));
  }
}
