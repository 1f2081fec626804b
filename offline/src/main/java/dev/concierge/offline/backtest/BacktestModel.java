package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.recommend.TableIndex;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named contender in a backtest.
 *
 * @param dataUntil the end (exclusive) of the history the model learnt from; the backtest refuses a
 *     model whose data reaches into its test window
 * @param ranker    builds the ranker for the replay's vocabulary, as a node builds its serving model
 */
public record BacktestModel(String name, Instant dataUntil, Function<Vocabulary, Ranker> ranker) {

  public static final String POPULARITY = "popularity";
  public static final String RECENTLY_VIEWED = "recently-viewed";
  public static final String ITEM_KNN = "item-knn";

  public BacktestModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataUntil, "dataUntil");
    Objects.requireNonNull(ranker, "ranker");
  }

  /** A trained bundle, served exactly as a node serves it; named by its version. */
  public static BacktestModel of(ModelBundle bundle, Recommender recommender, Catalog catalog, int popularPerList) {
    return served(
        bundle.version(), bundle.metadata().dataUntil(), recommender, catalog,
        vocabulary -> ServingModel.load(bundle, catalog, vocabulary, popularPerList));
  }

  /** Any serving model, through the live decision path with the default business rules. */
  public static BacktestModel served(
      String name, Instant dataUntil, Recommender recommender, Catalog catalog,
      Function<Vocabulary, ServingModel> model) {
    return new BacktestModel(
        name, dataUntil, vocabulary -> new ServedRanker(recommender, model.apply(vocabulary), vocabulary, catalog));
  }

  /**
   * The popularity baseline: the live candidates ranked by popularity in {@code tables}.
   *
   * @param tablesUntil the end (exclusive) of the history {@code tables} were built from
   */
  public static BacktestModel popularity(
      CandidateTables tables, Instant tablesUntil, Recommender recommender, Catalog catalog, int popularPerList) {
    return served(
        POPULARITY, tablesUntil, recommender, catalog,
        vocabulary -> ServingModel.popularity(tables, catalog, vocabulary, popularPerList));
  }

  /**
   * The item-kNN baseline: the live candidates ranked by how strongly the shopper's items co-occur
   * with them in {@code tables} (see {@code CoOccurrence}), then by popularity.
   *
   * @param tablesUntil the end (exclusive) of the history {@code tables} were built from
   */
  public static BacktestModel itemKnn(
      CandidateTables tables, Instant tablesUntil, Recommender recommender, Catalog catalog, int popularPerList) {
    return served(
        ITEM_KNN, tablesUntil, recommender, catalog,
        vocabulary -> ServingModel.itemKnn(tables, catalog, vocabulary, popularPerList));
  }

  /**
   * The recently-viewed baseline: the shopper's most recently viewed items, then the best sellers of
   * {@code tables}.
   *
   * @param popularPerList best sellers kept to fill the list; at least the longest list judged
   */
  public static BacktestModel recentlyViewed(
      CandidateTables tables, Instant tablesUntil, Catalog catalog, int popularPerList) {
    return new BacktestModel(
        RECENTLY_VIEWED, tablesUntil,
        vocabulary ->
            new RecentlyViewedRanker(
                catalog, vocabulary, TableIndex.of(tables, catalog, vocabulary, popularPerList).mostPopular()));
  }
}
