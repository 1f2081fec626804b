package dev.concierge;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.stream.connectors.cassandra.CqlSessionProvider;
import org.apache.pekko.stream.connectors.cassandra.DriverConfigLoaderFromConfig;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;

/**
 * The Cassandra sessions of the journal and of the engine, made as Pekko's {@code DefaultSessionProvider}
 * makes them, from the {@code datastax-java-driver} section, with the node's meter registry handed to the
 * driver: its Micrometer metrics factory ({@code advanced.metrics.factory.class}) needs the registry from
 * the session builder, and Pekko's provider has no way to pass one (docs/decisions.md). Unlike Pekko's,
 * it does not find Cassandra through Pekko Discovery, which Concierge does not use.
 */
public final class MeteredSessionProvider implements CqlSessionProvider {

  private final ActorSystem system;
  private final Config config;

  /** Called by Pekko, by reflection, with the section that names this class ({@code session-provider}). */
  public MeteredSessionProvider(ActorSystem system, Config config) {
    this.system = system;
    this.config = config;
  }

  @Override
  public Future<CqlSession> connect(ExecutionContext ec) {
    return FutureConverters.asScala(
        CqlSession.builder()
            .withConfigLoader(DriverConfigLoaderFromConfig.fromConfig(CqlSessionProvider.driverConfig(system, config)))
            .withMetricRegistry(NodeMeters.of(Adapter.toTyped(system)))
            .buildAsync());
  }
}
