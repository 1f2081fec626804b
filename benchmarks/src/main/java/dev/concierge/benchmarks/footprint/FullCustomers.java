package dev.concierge.benchmarks.footprint;

import com.typesafe.config.Config;
import dev.concierge.benchmarks.footprint.CompactRepresentation.CompactState;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import java.util.List;

/**
 * Customers holding the standard feature set (every list, the affinity and the dedupe window full), built
 * as the footprint measurement builds them, for the benchmarks of other packages.
 */
public final class FullCustomers {

  private final Workload workload;
  private final CompactRepresentation compact;
  private final Catalog catalog;

  /** @param concierge the {@code concierge} section of the node's configuration */
  public FullCustomers(Config concierge) {
    workload = Workload.fromConfig(concierge, Workload.FILL);
    compact = new CompactRepresentation(workload);
    catalog = Catalog.of(workload.catalog());
  }

  /** The live state of customer number {@code customer}; fails unless every bounded part is full. */
  public FeatureState state(int customer) {
    return full(customer).features();
  }

  /** The snapshot {@code CustomerEntity} would take of customer number {@code customer}. */
  public CustomerSnapshot snapshot(int customer) {
    CompactState state = full(customer);
    return new CustomerSnapshot(state.features().view(workload.vocabulary()), state.recentEventIds().keys(), List.of());
  }

  public static String customerId(int customer) {
    return FullHistory.customerId(customer);
  }

  public CustomerSettings settings() {
    return workload.settings();
  }

  public Vocabulary vocabulary() {
    return workload.vocabulary();
  }

  public Catalog catalog() {
    return catalog;
  }

  private CompactState full(int customer) {
    CompactState state = compact.build(customer);
    if (!compact.isFull(state)) {
      throw new IllegalStateException("customer " + customer + " does not hold the standard feature set");
    }
    return state;
  }
}
