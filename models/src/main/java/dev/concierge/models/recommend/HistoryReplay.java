package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Replays recorded events through the live feature function, one {@link FeatureState} per customer,
 * and shows each event to an observer just before it is applied: the point-in-time view that
 * training labels and backtests need.
 */
public final class HistoryReplay {

  /** Sees the customer's features as they were just before {@code event}. */
  @FunctionalInterface
  public interface Observer {
    void beforeApply(CustomerEvent event, FeatureState state);
  }

  private final FeatureSettings settings;
  private final Vocabulary vocabulary;
  private final Catalog catalog;
  private final Map<String, FeatureState> customers = new HashMap<>();

  public HistoryReplay(FeatureSettings settings, Vocabulary vocabulary, Catalog catalog) {
    this.settings = settings;
    this.vocabulary = vocabulary;
    this.catalog = catalog;
  }

  /**
   * Replays {@code events} (in time order) up to, not including, {@code until}.
   *
   * @return the number of events applied
   */
  public long replay(Iterable<CustomerEvent> events, Instant until, Observer observer) {
    long applied = 0;
    for (CustomerEvent event : events) {
      if (!event.timestamp().isBefore(until)) {
        break;
      }
      FeatureState state = customers.computeIfAbsent(event.customerId(), id -> new FeatureState(settings));
      observer.beforeApply(event, state);
      state.apply(event, catalog.categoryOf(event.itemId()), vocabulary, settings);
      applied++;
    }
    return applied;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }
}
