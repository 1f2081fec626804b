package dev.concierge.engine.ingestion;

import dev.concierge.engine.metrics.NodeMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.pekko.Done;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ingestion puts a record it refuses: the dead-letter topic, with the reason and the record's
 * origin in headers. A dead letter never holds its partition for a reason of its own record:
 * <ul>
 *   <li>a record whose dead letter would be larger than the producer sends ({@code max.request.size}; a
 *       compressed producer can put a far larger record on the topic) goes with only the first bytes of its
 *       value, and headers that say so and give its size;</li>
 *   <li>a send the broker or the producer still refuses for that record is logged, counted
 *       ({@code concierge_dead_letters_lost_total}) and skipped.</li>
 * </ul>
 * Any other failure of the send (Kafka unreachable, say) fails it, and the partition waits as it does
 * for any failure of the infrastructure.
 */
final class DeadLetters {

  static final String SOURCE_HEADER = "concierge-source";
  static final String ORIGINAL_BYTES_HEADER = "concierge-original-bytes";
  static final String TRUNCATED_HEADER = "concierge-truncated";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);

  private final SendProducer<String, byte[]> producer;
  private final String topic;
  private final DeadLetterSettings settings;
  private final NodeMetrics metrics;
  private final Executor executor;

  DeadLetters(
      SendProducer<String, byte[]> producer, String topic, DeadLetterSettings settings, NodeMetrics metrics,
      Executor executor) {
    this.producer = producer;
    this.topic = topic;
    this.settings = settings;
    this.metrics = metrics;
    this.executor = executor;
  }

  /** Completes once the dead letter is in Kafka, or is given up for a reason of its own; fails otherwise. */
  CompletionStage<Done> send(ConsumerRecord<String, byte[]> record, String reason) {
    log.warn("dead-lettering {}: {}", source(record), reason);
    metrics.deadLettered();
    return producer.send(letter(record, reason)).handleAsync((sent, failure) -> {
      if (failure == null) {
        return Done.getInstance();
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (!refusedForItsRecord(cause)) {
        throw new CompletionException(cause);
      }
      log.error("{} could not go to {} either and is skipped: {}", source(record), topic, cause.toString());
      metrics.deadLetterLost();
      return Done.getInstance();
    }, executor);
  }

  /** The dead letter of {@code record}: the record as it came, or its value's first bytes if it would not fit. */
  ProducerRecord<String, byte[]> letter(ConsumerRecord<String, byte[]> record, String reason) {
    ProducerRecord<String, byte[]> whole = new ProducerRecord<>(topic, record.key(), record.value());
    withOrigin(whole, record, reason);
    if (fits(whole)) {
      return whole;
    }
    byte[] value = record.value();
    ProducerRecord<String, byte[]> truncated =
        new ProducerRecord<>(topic, record.key(), Arrays.copyOf(value, Math.min(value.length, settings.truncatedValueBytes())));
    withOrigin(truncated, record, reason);
    truncated.headers().add(TRUNCATED_HEADER, TRUE);
    truncated.headers().add(ORIGINAL_BYTES_HEADER, Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
    return truncated;
  }

  private void withOrigin(ProducerRecord<String, byte[]> letter, ConsumerRecord<String, byte[]> record, String reason) {
    letter.headers().add(settings.reasonHeader(), reason.getBytes(StandardCharsets.UTF_8));
    letter.headers().add(SOURCE_HEADER, source(record).getBytes(StandardCharsets.UTF_8));
  }

  // the producer's own measure, which its max.request.size check uses (record batch v2: any compression)
  private boolean fits(ProducerRecord<String, byte[]> letter) {
    byte[] key = letter.key() == null ? null : letter.key().getBytes(StandardCharsets.UTF_8);
    int bytes = AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key, letter.value(), letter.headers().toArray());
    return bytes <= settings.maxRequestBytes();
  }

  // what no retry can fix: this record is too large or malformed for the topic. A timeout, a missing
  // leader or a refused login are the infrastructure's, and hold the partition
  private static boolean refusedForItsRecord(Throwable cause) {
    return cause instanceof RecordTooLargeException
        || cause instanceof RecordBatchTooLargeException
        || cause instanceof InvalidRecordException
        || cause instanceof InvalidTimestampException
        || cause instanceof SerializationException;
  }

  private static String source(ConsumerRecord<String, byte[]> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
