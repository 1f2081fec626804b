package dev.concierge.offline.training;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventTime;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.rules.BusinessRules;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Hit rate at k, measured the way the engine serves: replay the history; at each click or purchase
 * after {@code from}, ask the recommender for the top k as of just before it, and count a hit when
 * the item is among them.
 *
 * @param cases labelled events evaluated
 * @param hits  of those, the ones whose item was in the top k
 */
public record HitRate(long cases, long hits) {

  public double rate() {
    return cases == 0 ? 0 : (double) hits / cases;
  }

  /** @param model the model to evaluate, built for the replay's own vocabulary */
  public static HitRate evaluate(
      Iterable<CustomerEvent> history, Catalog catalog, Recommender recommender,
      Function<Vocabulary, ServingModel> model, Instant from, Instant until, int k) {
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    ServingModel serving = model.apply(vocabulary);
    HistoryReplay replay = new HistoryReplay(recommender.featureSettings(), vocabulary, catalog);
    long[] counts = new long[2];
    replay.replay(
        history,
        until,
        (event, state) -> {
          if (TrainingSetBuilder.isLabel(event) && !event.timestamp().isBefore(from)) {
            List<RankedItem> top =
                recommender.recommend(
                    serving, state, vocabulary, catalog, null, new DecisionQuery(event.customerId(), k, null, List.of(), Set.of()),
                    BusinessRules.DEFAULT, EventTime.millisOf(event.timestamp()));
            counts[0]++;
            if (top.stream().anyMatch(item -> item.itemId().equals(event.itemId()))) {
              counts[1]++;
            }
          }
        });
    return new HitRate(counts[0], counts[1]);
  }
}
