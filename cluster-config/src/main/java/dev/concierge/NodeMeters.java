package dev.concierge;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's meter registry for {@code GET /metrics}: Concierge's counters plus the JVM's own. One per
 * actor system, an extension, so that what Pekko makes by reflection from configuration (the Cassandra
 * sessions, {@link MeteredSessionProvider}) counts into the same registry as the node.
 */
final class NodeMeters implements Extension {

  private static final Id ID = new Id();

  private final PrometheusMeterRegistry registry;

  private NodeMeters(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  static PrometheusMeterRegistry of(ActorSystem<?> system) {
    return ID.apply(system).registry;
  }

  private static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  private static final class Id extends ExtensionId<NodeMeters> {
    @Override
    public NodeMeters createExtension(ActorSystem<?> system) {
      return new NodeMeters(create());
    }
  }
}
