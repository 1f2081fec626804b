package dev.concierge.engine.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.ProducerSettings;
import scala.Function1;

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
    return settings.withConsumerFactory(metering(settings.consumerFactory(),
        consumer -> new KafkaClientMetrics(consumer, Tags.of("client", client), refresher(), refreshEvery)));
  }

  /** The settings' producers, metered as {@link #metered(ConsumerSettings, String)} meters consumers. */
  public <K, V> ProducerSettings<K, V> metered(ProducerSettings<K, V> settings, String client) {
    return settings.withProducerFactory(metering(settings.producerFactory(),
        producer -> new KafkaClientMetrics(producer, Tags.of("client", client), refresher(), refreshEvery)));
  }

  // calls the settings' own factory: their createKafkaConsumer() (or Producer) would call this one again
  private <S, C> Function1<S, C> metering(Function1<S, C> factory, Function<C, KafkaClientMetrics> meters) {
    AtomicReference<KafkaClientMetrics> current = new AtomicReference<>();
    return settings -> {
      C client = factory.apply(settings);
      KafkaClientMetrics next = meters.apply(client);
      next.bindTo(registry);
      KafkaClientMetrics previous = current.getAndSet(next);
      if (previous != null) {
        previous.close();
      }
      return client;
    };
  }

  /** Meters a producer made directly, for as long as the node runs. */
  public void meter(Producer<?, ?> producer, String client) {
    new KafkaClientMetrics(producer, Tags.of("client", client), refresher(), refreshEvery).bindTo(registry);
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
