package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.engine.metrics.NodeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.concierge.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refused record's dead letter always fits what the dead-letter producer sends, and a dead letter
 * Kafka refuses for its own record never holds the partition, while an unreachable Kafka still does.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class DeadLettersTest {

  private static final String TOPIC = "customer-events.dlq";
  private static final String REASON = "the record is 2000000 bytes; an event is at most 65536 bytes";

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MockProducer<String, byte[]> kafka =
      new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer());
  private SendProducer<String, byte[]> producer;

  @AfterEach
  void closeProducer() {
    if (producer != null) {
      producer.close();
    }
  }

  @Test
  void aRecordFarLargerThanTheProducerSendsGoesTruncatedWithItsReasonAndOriginalSize() {
    DeadLetterSettings settings = referenceSettings();
    byte[] value = " ".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);

    ProducerRecord<String, byte[]> letter = deadLetters(settings).letter(record("big-c", value), REASON);

    assertArrayEquals(Arrays.copyOf(value, settings.truncatedValueBytes()), letter.value(), "the value's first bytes");
    assertEquals("true", header(letter, DeadLetters.TRUNCATED_HEADER));
    assertEquals("2000000", header(letter, DeadLetters.ORIGINAL_BYTES_HEADER));
    assertEquals(REASON, header(letter, settings.reasonHeader()));
    assertEquals("customer-events-3@42", header(letter, DeadLetters.SOURCE_HEADER));
    assertEquals("big-c", letter.key());
    assertTrue(producerSize(letter) <= settings.maxRequestBytes());
  }

  @Test
  void aRecordThatFitsTheProducerOnlyWithoutTheDeadLetterHeadersGoesTruncatedToo() {
    DeadLetterSettings settings = referenceSettings();
    // a default producer's largest record, as the topic has it: the reason and origin headers push it over
    byte[] value = new byte[settings.maxRequestBytes() - 126];
    ProducerRecord<String, byte[]> plain = new ProducerRecord<>(TOPIC, "big-c", value);
    assertTrue(producerSize(plain) <= settings.maxRequestBytes(), "the record itself could be sent");

    ProducerRecord<String, byte[]> letter = deadLetters(settings).letter(record("big-c", value), REASON);

    assertEquals(settings.truncatedValueBytes(), letter.value().length);
    assertTrue(producerSize(letter) <= settings.maxRequestBytes());
  }

  @Test
  void aRecordWhoseDeadLetterFitsGoesWholeAsItCameWithNoTruncationHeaders() {
    DeadLetterSettings settings = referenceSettings();
    byte[] value = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    ProducerRecord<String, byte[]> letter = deadLetters(settings).letter(record("c-1", value), "missing required field 'customerId'");

    assertArrayEquals(value, letter.value());
    assertNull(letter.headers().lastHeader(DeadLetters.TRUNCATED_HEADER));
    assertNull(letter.headers().lastHeader(DeadLetters.ORIGINAL_BYTES_HEADER));
  }

  @Test
  void aDeadLetterKafkaRefusesForItsRecordIsCountedAndSkippedSoThePartitionMovesOn() throws Exception {
    CompletableFuture<?> sent = deadLetters(referenceSettings())
        .send(record("big-c", new byte[16]), REASON).toCompletableFuture();

    failNext(new RecordTooLargeException("the request included a message larger than the max message size"));

    sent.get(5, TimeUnit.SECONDS);
    assertEquals(1, meters.get("concierge.dead.letters.lost").counter().count());
  }

  @Test
  void aDeadLetterKafkaCannotTakeForWantOfKafkaFailsSoThePartitionWaits() {
    CompletableFuture<?> sent = deadLetters(referenceSettings())
        .send(record("c-1", new byte[16]), REASON).toCompletableFuture();

    failNext(new TimeoutException("Expiring 1 record(s) for customer-events.dlq-0"));

    ExecutionException failure = assertThrows(ExecutionException.class, () -> sent.get(5, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof TimeoutException, failure.toString());
    assertEquals(0, meters.get("concierge.dead.letters.lost").counter().count());
  }

  @Test
  void aTruncatedCopyThatWouldNotLeaveRoomForTheRecordsHeadersIsRefusedAtStart() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> new DeadLetterSettings("concierge-error", 100_000, 60_000));

    assertTrue(refused.getMessage().contains("max.request.size"), refused.getMessage());
  }

  private DeadLetterSettings referenceSettings() {
    return IngestionSettings.fromConfig(testKit.system().settings().config()).deadLetters();
  }

  private DeadLetters deadLetters(DeadLetterSettings settings) {
    producer = new SendProducer<>(
        ProducerSettings.create(testKit.system(), new StringSerializer(), new ByteArraySerializer()).withProducer(kafka),
        testKit.system());
    return new DeadLetters(producer, TOPIC, settings, new NodeMetrics(meters), testKit.system().executionContext());
  }

  // the send reaches the producer once SendProducer has made it, on another thread
  private void failNext(RuntimeException failure) {
    Eventually.within(Duration.ofSeconds(5), "the dead letter reaches the producer", () -> kafka.history().size() == 1);
    assertTrue(kafka.errorNext(failure));
  }

  private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
    return new ConsumerRecord<>("customer-events", 3, 42, key, value);
  }

  private static String header(ProducerRecord<String, byte[]> letter, String name) {
    return new String(letter.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  // as KafkaProducer measures a record against its max.request.size
  private static int producerSize(ProducerRecord<String, byte[]> record) {
    Header[] headers = record.headers().toArray();
    return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
        record.key().getBytes(StandardCharsets.UTF_8), record.value(), headers);
  }
}
