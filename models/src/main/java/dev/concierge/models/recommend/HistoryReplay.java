package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.IdentityMerges;
import dev.concierge.models.Vocabulary;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Replays recorded events through the live feature function, one {@link FeatureState} per customer,
 * and shows each interaction to an observer just before it is applied: the point-in-time view that
 * training labels and backtests need.
 *
 * <p>A merge is applied as the live customer actor applies it: the customer absorbs the features the
 * other customer has replayed to at that point ({@link FeatureState#absorb}), once per other customer
 * ({@link IdentityMerges}), and only from another customer whose history is its own
 * ({@link IdentityMerges#handsOverHistory}). The other customer keeps its own. A merge is no interaction, so observers
 * see it only through {@link Observer#merged}.
 */
public final class HistoryReplay {

  /** Sees the customer's features as they were just before {@code event}. */
  @FunctionalInterface
  public interface Observer {
    void beforeApply(CustomerEvent event, FeatureState state);

    /**
     * The customer of {@code merge} has just taken over the history of its {@code fromCustomerId}
     * (never called for a merge that took over nothing because it came before). Nothing by default.
     */
    default void merged(CustomerEvent merge, FeatureState state) {}
  }

  private final FeatureSettings settings;
  private final Vocabulary vocabulary;
  private final Catalog catalog;
  private final Map<String, FeatureState> customers = new HashMap<>();
  private final Map<String, IdentityMerges> merges = new HashMap<>();

  public HistoryReplay(FeatureSettings settings, Vocabulary vocabulary, Catalog catalog) {
    this.settings = settings;
    this.vocabulary = vocabulary;
    this.catalog = catalog;
  }

  /**
   * Replays {@code events} (in time order) up to, not including, {@code until}; each item's category
   * is the catalog's.
   *
   * @return the number of events applied, merges included
   */
  public long replay(Iterable<CustomerEvent> events, Instant until, Observer observer) {
    long applied = 0;
    for (CustomerEvent event : events) {
      if (!event.timestamp().isBefore(until)) {
        break;
      }
      apply(event, event.isMerge() ? null : catalog.categoryOf(event.itemId()), observer);
      applied++;
    }
    return applied;
  }

  /**
   * Replays recorded events (in time order) up to, not including, {@code until}, with the category
   * recorded with each (null when the catalog did not know the item then), so the journal replays to
   * exactly the features the live actor computed whatever the catalog says now.
   *
   * @return the number of events applied, merges included
   */
  public long replayRecorded(Iterable<EventRecorded> events, Instant until, Observer observer) {
    return replayRecorded(events, until, observer, true);
  }

  /**
   * Replays recorded events as {@link #replay} replays plain ones, each item under the catalog's category
   * rather than the one recorded with it: a journal seen through the catalog of today.
   *
   * @return the number of events applied, merges included
   */
  public long replayRecordedUnderCatalog(Iterable<EventRecorded> events, Instant until, Observer observer) {
    return replayRecorded(events, until, observer, false);
  }

  private long replayRecorded(Iterable<EventRecorded> events, Instant until, Observer observer, boolean asRecorded) {
    long applied = 0;
    for (EventRecorded recorded : events) {
      CustomerEvent event = recorded.event();
      if (!event.timestamp().isBefore(until)) {
        break;
      }
      String category = asRecorded || event.isMerge() ? recorded.category() : catalog.categoryOf(event.itemId());
      apply(event, category, observer);
      applied++;
    }
    return applied;
  }

  private void apply(CustomerEvent event, String category, Observer observer) {
    FeatureState state = customers.computeIfAbsent(event.customerId(), id -> new FeatureState(settings));
    if (event.isMerge()) {
      merge(event, state, observer);
      return;
    }
    observer.beforeApply(event, state);
    state.apply(event, category, vocabulary, settings);
  }

  private void merge(CustomerEvent merge, FeatureState into, Observer observer) {
    IdentityMerges done = merges.computeIfAbsent(merge.customerId(), id -> new IdentityMerges());
    if (!done.request(merge.fromCustomerId())) {
      return;
    }
    FeatureState from = customers.get(merge.fromCustomerId());
    boolean handsOver = from != null && IdentityMerges.handsOverHistory(merges.get(merge.fromCustomerId()));
    into.absorb(handsOver ? from.view(vocabulary) : CustomerFeatures.EMPTY, vocabulary, settings);
    done.complete(merge.fromCustomerId());
    observer.merged(merge, into);
  }

  /** The features of every customer replayed so far. */
  public Map<String, FeatureState> customers() {
    return Collections.unmodifiableMap(customers);
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }
}
