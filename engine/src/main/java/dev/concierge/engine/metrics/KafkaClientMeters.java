package dev.concierge.engine.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.ProducerSettings;

/**
 * The Kafka clients' own metrics (Micrometer's {@link KafkaClientMetrics}) for the clients a node makes:
 * a consumer's lag per partition ({@code kafka_consumer_fetch_manager_records_lag}), fetch and commit
 * rates, a producer's send rates and errors. Each client is tagged with its {@code client.id} and a
 * {@code client} name of ours. All binders share one daemon thread, which looks for metrics a client
 * made since (a partition's lag, once it is assigned) every {@code kafka-refresh-every}.
 */
public final class KafkaClientMeters {

  private final MeterRegistry registry;
  private final Duration refreshEvery;
  private final AtomicReference<ScheduledExecutorService> refresher = new AtomicReference<>();

  KafkaClientMeters(MeterRegistry registry, Duration refreshEvery) {
    this.registry = registry;
    this.refreshEvery = refreshEvery;
  }

  /**
   * The settings' consumers, each metered while it lives: a restarted stream makes a new consumer, whose
   * meters replace its predecessor's rather than pile up beside them.
   */
  public <K, V> ConsumerSettings<K, V> metered(ConsumerSettings<K, V> settings, String client) {
    AtomicReference<KafkaClientMetrics> current = new AtomicReference<>();
    // the settings' own factory: the settings' createKafkaConsumer() would call this one again
    var factory = settings.consumerFactory();
    return settings.withConsumerFactory(made -> {
      Consumer<K, V> consumer = factory.apply(made);
      replace(current, new KafkaClientMetrics(consumer, Tags.of("client", client), refresher(), refreshEvery));
      return consumer;
    });
  }

  /** The settings' producers, metered as {@link #metered(ConsumerSettings, String)} meters consumers. */
  public <K, V> ProducerSettings<K, V> metered(ProducerSettings<K, V> settings, String client) {
    AtomicReference<KafkaClientMetrics> current = new AtomicReference<>();
    var factory = settings.producerFactory();
    return settings.withProducerFactory(made -> {
      Producer<K, V> producer = factory.apply(made);
      replace(current, new KafkaClientMetrics(producer, Tags.of("client", client), refresher(), refreshEvery));
      return producer;
    });
  }

  /** Meters a producer made directly, for as long as the node runs. */
  public void meter(Producer<?, ?> producer, String client) {
    new KafkaClientMetrics(producer, Tags.of("client", client), refresher(), refreshEvery).bindTo(registry);
  }

  private void replace(AtomicReference<KafkaClientMetrics> current, KafkaClientMetrics next) {
    next.bindTo(registry);
    KafkaClientMetrics previous = current.getAndSet(next);
    if (previous != null) {
      previous.close();
    }
  }

  // made with the first client, so that metrics for tests and tools that make none start no thread
  private ScheduledExecutorService refresher() {
    ScheduledExecutorService existing = refresher.get();
    if (existing != null) {
      return existing;
    }
    ScheduledExecutorService made = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "concierge-kafka-meters");
      thread.setDaemon(true);
      return thread;
    });
    if (refresher.compareAndSet(null, made)) {
      return made;
    }
    made.shutdown();
    return refresher.get();
  }
}
