package dev.concierge.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Freshness: from the moment an event is handed to the Kafka producer until each system's features
 * show it. Probe customers get only the probe's events, one every {@code interval}, taking turns,
 * so the k-th event of a probe customer is seen when its features count k events. Every system
 * consumes the same records, so one run measures them all on the same events. Each system is polled
 * by its own thread every {@code pollInterval}, which bounds the resolution.
 */
final class FreshnessProbe {

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
  private static final int SIGNIFICANT_DIGITS = 3;
  private static final int CATALOG_ITEMS_USED = 100;

  record Settings(
      String bootstrap, String topic, List<Target> targets, int samples, int probeCustomers, Duration interval,
      Duration pollInterval, Duration timeout, String runTag, Optional<String> serverKey) {}

  /** Latencies per target, in microseconds, and the samples each never saw within the timeout. */
  record Result(Map<String, Histogram> latencies, Map<String, Integer> missed) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Settings settings;
  private final AtomicLongArray producedAt;

  FreshnessProbe(Settings settings) {
    this.settings = settings;
    this.producedAt = new AtomicLongArray(settings.probeCustomers() + settings.samples());
  }

  Result run() throws InterruptedException {
    List<Poller> pollers = new ArrayList<>();
    for (Target target : settings.targets()) {
      Poller poller = new Poller(target);
      pollers.add(poller);
      poller.thread.start();
    }
    try (KafkaProducer<String, String> producer = producer()) {
      // each probe customer's first event is a warm-up: it may find the customer not yet in memory
      int total = settings.probeCustomers() + settings.samples();
      long start = System.nanoTime();
      for (int n = 0; n < total; n++) {
        long due = start + n * settings.interval().toNanos();
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        String customer = customer(n);
        ProducerRecord<String, String> record = new ProducerRecord<>(settings.topic(), customer, event(n, customer));
        producedAt.set(n, System.nanoTime());
        producer.send(record);
      }
    }
    Map<String, Histogram> latencies = new LinkedHashMap<>();
    Map<String, Integer> missed = new LinkedHashMap<>();
    for (Poller poller : pollers) {
      poller.thread.join();
      latencies.put(poller.target.name(), poller.latencies);
      missed.put(poller.target.name(), poller.missed);
    }
    return new Result(latencies, missed);
  }

  private String customer(int n) {
    return "probe-" + settings.runTag() + "-" + (n % settings.probeCustomers());
  }

  private String event(int n, String customer) {
    return "{\"eventId\":\"probe-" + settings.runTag() + "-e" + n + "\",\"customerId\":\"" + customer
        + "\",\"type\":\"view\",\"itemId\":\"sku-" + (n % CATALOG_ITEMS_USED) + "\",\"timestamp\":\""
        + Instant.now() + "\"}";
  }

  private KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private final class Poller {
    final Target target;
    final Thread thread;
    final Histogram latencies = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    int missed;
    private HttpConnection connection;

    Poller(Target target) {
      this.target = target;
      this.thread = new Thread(this::pollAll, "freshness-" + target.name());
      this.thread.setDaemon(true);
    }

    private void pollAll() {
      int total = settings.probeCustomers() + settings.samples();
      for (int n = 0; n < total; n++) {
        long produced;
        while ((produced = producedAt.get(n)) == 0) {
          LockSupport.parkNanos(settings.pollInterval().toNanos());
        }
        long seen = awaitSeen(customer(n), n / settings.probeCustomers() + 1, produced);
        if (n >= settings.probeCustomers()) {
          if (seen < 0) {
            missed++;
          } else {
            latencies.recordValue(Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(seen - produced)));
          }
        }
      }
    }

    /** When the customer's features first counted {@code expected} events, or -1 after the timeout. */
    private long awaitSeen(String customer, long expected, long produced) {
      byte[] request = RequestBytes.get(target.uri(), "/v1/customers/" + customer + "/features", settings.serverKey());
      long deadline = produced + settings.timeout().toNanos();
      while (System.nanoTime() < deadline) {
        if (eventsCounted(request) >= expected) {
          return System.nanoTime();
        }
        LockSupport.parkNanos(settings.pollInterval().toNanos());
      }
      return -1;
    }

    private long eventsCounted(byte[] request) {
      try {
        if (connection == null) {
          connection = new HttpConnection(target.uri(), (int) settings.timeout().toMillis());
        }
        String body = connection.exchangeForText(request);
        int status = connection.status();
        if (!connection.reusable()) {
          dropConnection();
        }
        if (status != 200) {
          return 0;
        }
        long counted = 0;
        for (JsonNode count : JSON.readTree(body).path("events")) {
          counted += count.asLong();
        }
        return counted;
      } catch (IOException e) {
        dropConnection();
        return 0;
      }
    }

    private void dropConnection() {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }
}
