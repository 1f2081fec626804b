package dev.concierge.offline.backtest;

import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TableIndex;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The built-in baselines, by the names {@code backtest --models} knows them by: every model's lift over
 * each baseline in a run is reported. Each learns from the train window alone and ranks the whole
 * in-stock catalog under the default business rules (trained bundles are judged as served, on their own
 * candidates). A new baseline is registered here and nowhere else.
 */
public enum Baseline {

  /** The train window's best sellers, the same list for every shopper but for what they bought. */
  POPULARITY("popularity", inputs -> {
    List<String> order = PopularityOrder.of(inputs.trainTables(), inputs.catalog());
    return vocabulary -> new PopularityRanker(order, vocabulary);
  }),

  /**
   * The shopper's most recent views, then the best sellers. Under the honest protocol its views are all
   * touched items, so it ranks exactly like popularity; it tells when repeats are judged.
   */
  RECENTLY_VIEWED("recently-viewed", inputs -> {
    List<String> order = PopularityOrder.of(inputs.trainTables(), inputs.catalog());
    return vocabulary -> new RecentlyViewedRanker(inputs.catalog(), vocabulary, new PopularityRanker(order, vocabulary));
  }),

  /**
   * The co-occurrence source alone: the items the shopper's items co-occur with across customers'
   * histories in the train window, strongest first, then the best sellers.
   */
  ITEM_KNN("item-knn", inputs -> {
    List<String> order = PopularityOrder.of(inputs.trainTables(), inputs.catalog());
    return vocabulary ->
        new ItemKnnRanker(
            TableIndex.of(inputs.trainTables(), inputs.catalog(), vocabulary, order.size()), vocabulary,
            new PopularityRanker(order, vocabulary));
  });

  private final String modelName;
  private final Function<BaselineInputs, Function<Vocabulary, Ranker>> ranker;

  Baseline(String modelName, Function<BaselineInputs, Function<Vocabulary, Ranker>> ranker) {
    this.modelName = modelName;
    this.ranker = ranker;
  }

  /** The name on the command line and in the reports. */
  public String modelName() {
    return modelName;
  }

  public BacktestModel model(BaselineInputs inputs) {
    return new BacktestModel(modelName, inputs.split(), ranker.apply(inputs), true);
  }

  public static Optional<Baseline> named(String name) {
    return Stream.of(values()).filter(baseline -> baseline.modelName.equals(name)).findFirst();
  }

  public static List<String> names() {
    return Stream.of(values()).map(Baseline::modelName).toList();
  }
}
