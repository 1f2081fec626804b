package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.offline.simulation.LatentTastes;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named contender in a backtest.
 *
 * @param dataUntil the end (exclusive) of the history the model learnt from; the backtest refuses a
 *     model whose data reaches into its test window
 * @param ranker    builds the ranker for the replay's vocabulary, as a node builds its serving model
 * @param baseline  every model's lift over this one is reported (see {@link Baseline})
 */
public record BacktestModel(String name, Instant dataUntil, Function<Vocabulary, Ranker> ranker, boolean baseline) {

  public static final String ORACLE = "oracle";

  public BacktestModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataUntil, "dataUntil");
    Objects.requireNonNull(ranker, "ranker");
  }

  /** A contender that is not a baseline. */
  public BacktestModel(String name, Instant dataUntil, Function<Vocabulary, Ranker> ranker) {
    this(name, dataUntil, ranker, false);
  }

  /** A trained bundle, served exactly as a node serves it; named by its version. */
  public static BacktestModel of(ModelBundle bundle, Recommender recommender, Catalog catalog, int popularPerList) {
    return served(
        bundle.version(), bundle.metadata().dataUntil(), recommender, catalog,
        vocabulary -> ServingModel.load(bundle, catalog, vocabulary, popularPerList));
  }

  /**
   * Any serving model, through the live decision path with the default business rules: it ranks its own
   * candidates, not the whole catalog, just as the shoppers would have been served.
   */
  public static BacktestModel served(
      String name, Instant dataUntil, Recommender recommender, Catalog catalog,
      Function<Vocabulary, ServingModel> model) {
    return new BacktestModel(
        name, dataUntil, vocabulary -> new ServedRanker(recommender, model.apply(vocabulary), vocabulary, catalog));
  }

  /**
   * The simulator's oracle: each shopper's items ranked by the latent utility the simulation drew
   * them from, the upper bound for taste-driven picks.
   *
   * @param historyStart where the judged history begins: the oracle learnt nothing from its events
   */
  public static BacktestModel oracle(LatentTastes tastes, Instant historyStart, Catalog catalog) {
    return new BacktestModel(ORACLE, historyStart, vocabulary -> new OracleRanker(tastes, catalog, vocabulary));
  }
}
