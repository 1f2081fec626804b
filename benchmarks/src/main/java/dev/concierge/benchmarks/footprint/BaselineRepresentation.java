package dev.concierge.benchmarks.footprint;

import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What a straightforward implementation would keep for the same features: the immutable
 * {@link CustomerFeatures} picture (item and category names, boxed scores, {@code Instant}s, immutable
 * lists) and the dedupe window as the last event ids themselves.
 *
 * <p>A conservative baseline: the names are the vocabulary's own strings, shared by every customer, so
 * they cost nothing here; names kept from each deserialized event would cost a string per slot on top.
 */
final class BaselineRepresentation implements Representation {

  /** The naive state: the picture, and the remembered event ids, oldest first. */
  record NaiveState(CustomerFeatures features, List<String> recentEventIds) {}

  private final Workload workload;

  BaselineRepresentation(Workload workload) {
    this.workload = workload;
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public NaiveState build(int customer) {
    FeatureSettings settings = workload.settings().features();
    int window = workload.settings().dedupeWindow();
    // the same feature function computes the features, so both representations hold the same values
    FeatureState scratch = new FeatureState(settings);
    ArrayDeque<String> eventIds = new ArrayDeque<>(window);
    workload.history().forEachEvent(customer, workload.eventsPerEntity(), (event, category) -> {
      scratch.apply(event, category, workload.vocabulary(), settings);
      if (eventIds.size() == window) {
        eventIds.removeFirst();
      }
      eventIds.addLast(event.eventId());
    });
    return new NaiveState(scratch.view(workload.vocabulary()), List.copyOf(eventIds));
  }

  @Override
  public boolean isFull(Object state) {
    NaiveState naive = (NaiveState) state;
    return FeatureFill.isFull(naive.features(), naive.recentEventIds().size(), workload.settings());
  }
}
