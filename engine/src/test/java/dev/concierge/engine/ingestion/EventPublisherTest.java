package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.persistence.json.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher's transactions, against Kafka's {@link MockProducer}: a record Kafka can never take fails
 * its own request, 4xx material, and never the requests that shared its transaction.
 */
class EventPublisherTest {

  private static final String TOPIC = "catalog";
  private static final String REFUSED = "refused-by-the-broker";
  private static final PublisherSettings SETTINGS =
      new PublisherSettings(64, 16, Duration.ofSeconds(30), Duration.ofSeconds(5));
  private static final long WAIT_SECONDS = 10;

  private final List<String> committedKeys = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstCommitEntered = new CountDownLatch(1);
  private final CountDownLatch firstCommitMayGo = new CountDownLatch(1);
  private final AtomicInteger producersMade = new AtomicInteger();
  private EventPublisher publisher;

  @AfterEach
  void stop() {
    firstCommitMayGo.countDown();
    if (publisher != null) {
      publisher.stop().toCompletableFuture().join();
    }
  }

  @Test
  void requestsSharingATransactionWithARecordKafkaRefusesAreCommittedWithoutIt() throws Exception {
    publisher = publisher(1_000_000);
    CompletionStage<Integer> first = publisher.publishRecords(List.of(record("first", 10)));
    assertTrue(firstCommitEntered.await(WAIT_SECONDS, TimeUnit.SECONDS));
    // queued while the first transaction commits, so the three go together in the next one
    CompletionStage<Integer> before = publisher.publishRecords(List.of(record("innocent-before", 10)));
    CompletionStage<Integer> refused = publisher.publishRecords(List.of(record("its-other", 10), record(REFUSED, 10)));
    CompletionStage<Integer> after = publisher.publishRecords(List.of(record("innocent-after", 10)));
    firstCommitMayGo.countDown();

    assertEquals(1, result(first));
    assertEquals(1, result(before), "a request before the refused one in the same transaction is committed");
    assertEquals(1, result(after), "a request after the refused one in the same transaction is committed");
    RecordRefusedException refusal =
        assertInstanceOf(RecordRefusedException.class, failure(refused), "the refused record's request fails itself");
    assertEquals(REFUSED, refusal.key());
    assertTrue(refusal.tooLarge(), "a record too large for the broker is a 413");
    assertEquals(List.of("first", "innocent-before", "innocent-after"), committedKeys,
        "nothing of the refused request is committed, not even its other record");
  }

  @Test
  void aTransactionThatFailsForKafkasOwnReasonFailsAllItsRequestsAsBefore() throws Exception {
    KafkaException brokerGone = new KafkaException("the transaction coordinator is gone");
    publisher = new EventPublisher(TOPIC, new EventJson(new ObjectMapper()), () -> {
      producersMade.incrementAndGet();
      MockProducer<String, byte[]> producer = new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
      producer.commitTransactionException = brokerGone;
      return producer;
    }, 1_000_000, SETTINGS, Runnable::run, Tracing.off());

    Throwable failed = failure(publisher.publishRecords(List.of(record("a", 10))));

    assertSame(brokerGone, failed, "a failure of Kafka is no record's fault: the request is answered 503 as before");
    assertEquals(1, producersMade.get(), "and not tried again in a new transaction");
  }

  @Test
  void aRecordLargerThanTheProducerSendsIsRefusedBeforeItIsQueued() throws Exception {
    publisher = publisher(2_000);

    RecordRefusedException refusal = assertInstanceOf(
        RecordRefusedException.class, failure(publisher.publishRecords(List.of(record("small", 10), record("big", 3_000)))));

    assertEquals("big", refusal.key());
    assertTrue(refusal.getMessage().contains("more than the 2000 bytes the producer sends (max.request.size)"),
        refusal.getMessage());
    assertEquals(0, producersMade.get(), "no transaction was begun for it");
  }

  @Test
  void theLargestRecordIsTheProducersMaxRequestSize() throws Exception {
    publisher = new EventPublisher(TOPIC, new EventJson(new ObjectMapper()),
        Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4096", ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
        "test-publisher", SETTINGS, Runnable::run, Tracing.off());

    Throwable refused = failure(publisher.publishRecords(List.of(record("big", 5_000))));

    assertTrue(refused.getMessage().contains("more than the 4096 bytes"), refused.getMessage());
  }

  private EventPublisher publisher(int maxRecordBytes) {
    return new EventPublisher(TOPIC, new EventJson(new ObjectMapper()), this::producer, maxRecordBytes, SETTINGS,
        Runnable::run, Tracing.off());
  }

  /**
   * A producer like Kafka's own after the broker refused a record: the send fails, every later send of the
   * transaction throws, and the commit throws. The first commit of the test waits until the test lets it go.
   */
  private MockProducer<String, byte[]> producer() {
    producersMade.incrementAndGet();
    return new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer()) {
      @Override
      public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        if (!REFUSED.equals(record.key())) {
          return super.send(record, callback);
        }
        sendException = new KafkaException("Cannot perform send because at least one previous transactional request"
            + " has failed with errors");
        commitTransactionException = new KafkaException("Cannot commit: a send of the transaction failed");
        return CompletableFuture.failedFuture(new RecordTooLargeException("the broker's message.max.bytes"));
      }

      @Override
      public void commitTransaction() {
        if (firstCommitEntered.getCount() > 0) {
          firstCommitEntered.countDown();
          awaitQuietly(firstCommitMayGo);
        }
        List<ProducerRecord<String, byte[]>> sending = uncommittedRecords();
        super.commitTransaction();
        sending.forEach(record -> committedKeys.add(record.key()));
      }
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProducerRecord<String, byte[]> record(String key, int bytes) {
    return new ProducerRecord<>(TOPIC, key, new byte[bytes]);
  }

  private static int result(CompletionStage<Integer> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletionStage<Integer> stage) {
    ExecutionException failed = assertThrows(
        ExecutionException.class, () -> stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
    return failed.getCause();
  }
}
