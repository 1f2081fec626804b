package dev.concierge.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Shopper events produced to the real events topic at a steady rate, each with a unique event id,
 * plus a share of redeliveries (the same record again, soon after, as a producer retry would send
 * it). Remembers how many unique events of each type every customer was sent: what their counts
 * must be.
 */
final class ShopperEvents implements AutoCloseable {

  static final List<String> TYPES = List.of("view", "click", "add_to_cart", "purchase");
  private static final int[] TYPE_WEIGHTS = {70, 15, 10, 5};
  private static final int DUPLICATE_EVERY = 100;
  // redeliveries repeat one of the latest events, well within each customer's dedupe window
  private static final int RECENT = 500;
  private static final int BATCHES_PER_SECOND = 100;

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final int customers;
  private final int items;
  private final Random random;
  private final Map<String, int[]> expected = new HashMap<>();
  private final ProducerRecord<String, byte[]>[] recent;
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  // written by the sending thread only; read by the test to see how far a send got
  private volatile long serial;

  @SuppressWarnings("unchecked")
  ShopperEvents(String bootstrap, String topic, int customers, int items, long seed) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.customers = customers;
    this.items = items;
    this.random = new Random(seed);
    this.recent = new ProducerRecord[RECENT];
  }

  static String customer(int index) {
    return "ops-c-" + index;
  }

  /** Sends {@code count} unique events (and 1% redeliveries) at {@code perSecond}, in this thread. */
  void send(String runId, int count, int perSecond) throws InterruptedException {
    int perBatch = Math.max(1, perSecond / BATCHES_PER_SECOND);
    long batchNanos = 1_000_000_000L / BATCHES_PER_SECOND;
    long next = System.nanoTime();
    for (int n = 0; n < count; ) {
      for (int i = 0; i < perBatch && n < count; i++, n++) {
        sendUnique(runId, customer(random.nextInt(customers)), type());
        if (serial % DUPLICATE_EVERY == 0) {
          duplicates.incrementAndGet();
          publish(recent[random.nextInt((int) Math.min(serial, RECENT))]);
        }
      }
      next += batchNanos;
      long wait = next - System.nanoTime();
      // pacing to the rate asked for, not waiting for a condition
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    flushed();
  }

  /** Sends {@code count} unique views of one customer at once, as a shopper on a spree (or a bot) would. */
  void burst(String runId, String customer, int count) {
    for (int n = 0; n < count; n++) {
      sendUnique(runId, customer, TYPES.indexOf("view"));
    }
    flushed();
  }

  private void flushed() {
    producer.flush();
    if (failure.get() != null) {
      throw new AssertionError("producing to " + topic + " failed", failure.get());
    }
  }

  private void sendUnique(String runId, String customer, int type) {
    String json = "{\"eventId\":\"" + runId + "-" + serial + "\",\"customerId\":\"" + customer
        + "\",\"type\":\"" + TYPES.get(type) + "\",\"itemId\":\"sku-" + random.nextInt(items)
        + "\",\"timestamp\":\"" + Instant.now() + "\"}";
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, customer, json.getBytes(StandardCharsets.UTF_8));
    expected.computeIfAbsent(customer, c -> new int[TYPES.size()])[type]++;
    recent[(int) (serial % RECENT)] = record;
    serial++;
    publish(record);
  }

  private void publish(ProducerRecord<String, byte[]> record) {
    producer.send(record, (metadata, e) -> {
      if (e != null) {
        failure.compareAndSet(null, e);
      }
    });
  }

  private int type() {
    int roll = random.nextInt(100);
    for (int type = 0; type < TYPE_WEIGHTS.length; type++) {
      roll -= TYPE_WEIGHTS[type];
      if (roll < 0) {
        return type;
      }
    }
    return 0;
  }

  /** Unique events per customer and type, in {@link #TYPES} order. */
  Map<String, int[]> expected() {
    return expected;
  }

  long uniqueSent() {
    return serial;
  }

  long duplicatesSent() {
    return duplicates.get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
