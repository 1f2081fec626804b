package dev.concierge.engine.catalog;

import dev.concierge.engine.ingestion.EventPublisher;
import dev.concierge.models.CatalogEdits;
import dev.concierge.persistence.json.CatalogJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes resolved catalog changes to the compacted {@code catalog} topic, keyed by item id, a deletion
 * as its tombstone. Through the node's {@link EventPublisher}: one Kafka transaction per request, so a
 * request's changes are in the topic whole or not at all, and the catalog consumers ({@code
 * read_committed}) never apply half of one.
 */
public final class CatalogPublisher {

  private final String topic;
  private final CatalogJson json;
  private final EventPublisher publisher;

  public CatalogPublisher(String topic, CatalogJson json, EventPublisher publisher) {
    this.topic = topic;
    this.json = json;
    this.publisher = publisher;
  }

  /** Completes with the number of records once Kafka committed them all. */
  public CompletionStage<Integer> publish(List<CatalogEdits.Write> writes) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(writes.size());
    for (CatalogEdits.Write write : writes) {
      records.add(new ProducerRecord<>(topic, write.itemId(), write.item() == null ? null : json.write(write.item())));
    }
    return publisher.publishRecords(records);
  }
}
