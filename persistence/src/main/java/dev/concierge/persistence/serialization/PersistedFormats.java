package dev.concierge.persistence.serialization;

import java.util.List;

/**
 * The format of every type that Cassandra stores. A type added here needs golden bytes too (see
 * GoldenBytes in the tests), and a binding to concierge-kryo in reference.conf.
 */
final class PersistedFormats {

  static final List<VersionedFormat<?>> ALL =
      List.of(
          new EventRecordedFormat(), new CustomerSnapshotFormat(), new CustomerFeaturesFormat(),
          new HistoryMergedFormat(), new TriggerFiredFormat(), new StockAwaitedFormat());

  private PersistedFormats() {}
}
