package dev.concierge.api;

import dev.concierge.models.CatalogEdits;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Writes resolved catalog changes to the catalog topic; completes with the count once Kafka has them all. */
@FunctionalInterface
public interface CatalogSink {
  CompletionStage<Integer> publish(List<CatalogEdits.Write> writes);
}
