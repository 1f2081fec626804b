package dev.concierge.benchmarks.baseline;

import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.model.RecordedEventListener;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.Done;

/**
 * The writer's keyed state and its update, a batch of events at a time: customers it does not hold
 * yet are read from Redis first (after a restart, Redis has what was acknowledged), each event goes
 * through the dedupe window and the feature function, and every customer that changed is written
 * back in one pipeline. The returned stage completes once Redis has acknowledged the writes; only then
 * are the new events counted in the trends, as a node counts an event once its persist is confirmed.
 *
 * <p>Not thread-safe: one batch at a time, the next only after the previous one's stage completed
 * (the writer's stream runs them in sequence).
 */
final class FeatureUpdater {

  /** What one batch changed: each changed customer's new state, and the events recorded for the first time. */
  private record Applied(Map<String, CustomerSnapshot> changed, List<CustomerEvent> recorded) {}

  private final Map<String, CustomerState> customers = new HashMap<>();
  private final RedisFeatureStore store;
  private final Supplier<Catalog> catalog;
  private final Vocabulary vocabulary;
  private final CustomerSettings settings;
  private final RecordedEventListener onRecorded;
  private final WriterCounts counts;
  private final Executor executor;

  /** @param onRecorded told of every event recorded for the first time, as a node tells its trends */
  FeatureUpdater(
      RedisFeatureStore store, Supplier<Catalog> catalog, Vocabulary vocabulary, CustomerSettings settings,
      RecordedEventListener onRecorded, WriterCounts counts, Executor executor) {
    this.store = store;
    this.catalog = catalog;
    this.vocabulary = vocabulary;
    this.settings = settings;
    this.onRecorded = onRecorded;
    this.counts = counts;
    this.executor = executor;
  }

  CompletionStage<Done> update(List<CustomerEvent> events) {
    Set<String> unknown = new LinkedHashSet<>();
    for (CustomerEvent event : events) {
      if (!customers.containsKey(event.customerId())) {
        unknown.add(event.customerId());
      }
    }
    return store
        .load(unknown)
        .thenComposeAsync(
            stored -> {
              unknown.forEach(customerId -> customers.put(customerId, restoredOrFresh(stored.get(customerId))));
              Applied applied = apply(events);
              return store.save(applied.changed()).thenApplyAsync(done -> acknowledged(applied), executor);
            },
            executor);
  }

  private Done acknowledged(Applied applied) {
    applied.recorded().forEach(onRecorded::recorded);
    counts.batchWritten();
    return Done.getInstance();
  }

  private CustomerState restoredOrFresh(CustomerSnapshot stored) {
    return stored == null ? CustomerState.fresh(settings) : CustomerState.restored(stored, vocabulary, settings);
  }

  /** Folds the events in, in order. */
  private Applied apply(List<CustomerEvent> events) {
    Catalog now = catalog.get();
    List<CustomerEvent> recorded = new ArrayList<>(events.size());
    Set<String> changed = new LinkedHashSet<>();
    for (CustomerEvent event : events) {
      if (customers.get(event.customerId()).record(event, now.categoryOf(event.itemId()), vocabulary, settings)) {
        counts.applied();
        recorded.add(event);
        changed.add(event.customerId());
      } else {
        counts.duplicate();
      }
    }
    Map<String, CustomerSnapshot> snapshots = new LinkedHashMap<>();
    changed.forEach(customerId -> snapshots.put(customerId, customers.get(customerId).snapshot(vocabulary)));
    return new Applied(snapshots, recorded);
  }
}
