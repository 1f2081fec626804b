package dev.concierge.benchmarks.footprint;

import dev.concierge.models.EventIdWindow;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;

/** What the customer actor keeps: {@link FeatureState} with vocabulary codes, and the 64-bit-key dedupe ring. */
final class CompactRepresentation implements Representation {

  /**
   * {@code CustomerEntity.State}, field for field: its constructor is package-private to the engine, and
   * a holder of the same two references and flag has the same size.
   */
  record CompactState(FeatureState features, EventIdWindow recentEventIds, boolean empty) {}

  private final Workload workload;

  CompactRepresentation(Workload workload) {
    this.workload = workload;
  }

  @Override
  public String name() {
    return "compact";
  }

  @Override
  public CompactState build(int customer) {
    FeatureSettings settings = workload.settings().features();
    CompactState state =
        new CompactState(new FeatureState(settings), new EventIdWindow(workload.settings().dedupeWindow()), false);
    // what CustomerEntity's event handler does for each recorded event
    workload.history().forEachEvent(customer, workload.eventsPerEntity(), (event, category) -> {
      state.features().apply(event, category, workload.vocabulary(), settings);
      state.recentEventIds().add(event.eventId());
    });
    return state;
  }

  @Override
  public boolean isFull(Object state) {
    CompactState compact = (CompactState) state;
    return FeatureFill.isFull(
        compact.features().view(workload.vocabulary()), compact.recentEventIds().size(), workload.settings());
  }
}
