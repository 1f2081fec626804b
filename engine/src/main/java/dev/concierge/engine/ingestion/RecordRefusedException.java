package dev.concierge.engine.ingestion;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * One record of a request that Kafka will never take, however often it is sent: too large for the
 * producer or the broker, or invalid. It fails its own request only (a client's mistake, answered 4xx),
 * never the other requests that shared its transaction.
 *
 * @param key the record's key: the customer of an event, the item of a catalog change
 */
public final class RecordRefusedException extends RuntimeException {

  private final String key;
  private final boolean tooLarge;

  private RecordRefusedException(String key, boolean tooLarge, String message) {
    super(message, null, false, false);
    this.key = key;
    this.tooLarge = tooLarge;
  }

  /** Refused before it is queued: larger than the producer sends. */
  static RecordRefusedException tooLarge(String key, int bytes, int maxBytes) {
    return new RecordRefusedException(key, true, "the record of '" + key + "' takes " + bytes
        + " bytes in Kafka, more than the " + maxBytes + " bytes the producer sends (max.request.size)");
  }

  /** Refused by Kafka inside a transaction, when {@code failure} is about the record itself. */
  static RecordRefusedException of(String key, Throwable failure) {
    boolean tooLarge = failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException;
    return new RecordRefusedException(key, tooLarge, "Kafka refused the record of '" + key + "': " + failure.getMessage());
  }

  /** Whether Kafka refuses {@code failure}'s record whatever the retry, and the others of its transaction only for its sake. */
  static boolean aboutTheRecord(Throwable failure) {
    return failure instanceof RecordTooLargeException
        || failure instanceof RecordBatchTooLargeException
        || failure instanceof InvalidRecordException;
  }

  public String key() {
    return key;
  }

  /** Refused for its size (a 413) rather than its content (a 400). */
  public boolean tooLarge() {
    return tooLarge;
  }
}
