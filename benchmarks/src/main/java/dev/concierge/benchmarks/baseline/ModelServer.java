package dev.concierge.benchmarks.baseline;

import dev.concierge.engine.tracing.Tracing;
import dev.concierge.api.ServerSpans;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.api.CustomerRoutes;
import dev.concierge.api.DecisionRoutes;
import dev.concierge.api.ErrorHandling;
import dev.concierge.api.EventRoutes;
import dev.concierge.api.HealthCheck;
import dev.concierge.api.HealthRoutes;
import dev.concierge.api.HttpServer;
import dev.concierge.api.HttpSettings;
import dev.concierge.api.JsonResponses;
import dev.concierge.api.ServerKey;
import dev.concierge.api.StorefrontAccess;
import dev.concierge.api.WholeBody;
import dev.concierge.api.dto.DecisionRequests;
import dev.concierge.api.dto.EventRequests;
import dev.concierge.benchmarks.Cli;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.decision.DecisionDeadline;
import dev.concierge.engine.decision.DecisionLog;
import dev.concierge.engine.decision.DecisionLogSettings;
import dev.concierge.engine.decision.KafkaDecisionLog;
import dev.concierge.engine.ingestion.EventPublisher;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.engine.rules.RulesSettings;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.persistence.json.EventJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.SendProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The baseline's model server, in a JVM of its own: the node's decision and features API, answered
 * from features read from Redis per request, ranked by the node's recommender with a bundle file.
 */
@Command(name = "ModelServer",
    description = {
        "The model server of the Redis baseline (benchmarks/README.md): POST /v1/decisions and"
            + " GET /v1/customers/{id}/features with the node's JSON, features read from Redis on every request,"
            + " ranked like a node with the bundle given. Waits for the catalog topic first; then serves until"
            + " SIGTERM."})
public final class ModelServer extends RoleCommand {

  // one model server per benchmark run
  private static final String BASELINE_TRANSACTIONAL_ID = "concierge-baseline-events";

  /** A switch as the configuration writes one: {@code on} or {@code off}. */
  static final class OnOff extends Cli.Parsed<String> {
    OnOff() {
      super(text -> {
        if (!text.equals("on") && !text.equals("off")) {
          throw new IllegalArgumentException("'" + text + "' is neither on nor off");
        }
        return text;
      });
    }
  }

  @Option(names = "--bundle", paramLabel = "FILE", order = 10,
      description = ".bundle file to serve (server.bundle, CONCIERGE_BASELINE_BUNDLE; default none: the built-in"
          + " heuristic, as a node without an active bundle)")
  private void bundle(Path file) {
    set("server.bundle", file);
  }

  @Option(names = "--port", paramLabel = "N", order = 11,
      description = "HTTP port (server.port, CONCIERGE_BASELINE_HTTP_PORT; default 8090)")
  private void port(int port) {
    set("server.port", port);
  }

  @Option(names = "--interface", paramLabel = "HOST", order = 12,
      description = "HTTP interface (server.interface, CONCIERGE_BASELINE_HTTP_INTERFACE; default 127.0.0.1)")
  private void httpInterface(String host) {
    set("server.interface", host);
  }

  @Option(names = "--log-decisions", paramLabel = "on|off", order = 13, converter = OnOff.class,
      description = "every decision to the decisions topic, as a node does (server.log-decisions,"
          + " CONCIERGE_BASELINE_LOG_DECISIONS; default on)")
  private void logDecisions(String logged) {
    set("server.log-decisions", logged);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ModelServer()).execute(args));
  }

  @Override
  protected String systemName() {
    return "baseline-server";
  }

  /** Returns once the port is bound; fails if it cannot be. */
  @Override
  protected void run(ActorSystem<?> system) throws IOException {
    start(system).toCompletableFuture().join();
  }

  /** Starts everything the model server runs in {@code system}; the stage completes once the port is bound. */
  static CompletionStage<ServerBinding> start(ActorSystem<?> system) throws IOException {
    RoleSetup role = RoleSetup.of(system);
    Config concierge = role.concierge();
    ServerSettings settings = ServerSettings.fromConfig(concierge);
    ObjectMapper mapper = new ObjectMapper();
    ActiveModel models = new ActiveModel(role.vocabulary(), concierge.getInt("recommender.popular-per-list"));
    CatalogView catalog = CatalogCopy.start(system, concierge, role.kafka(), models::catalogChanged, settings.catalogWait());
    if (settings.bundle().isPresent()) {
      BundleFile.install(models, settings.bundle().get(), catalog.get(), concierge.getInt("models.warm-up-rows"));
    }
    TrendsFeed trends =
        TrendsFeed.start(
            system, role.redis(), role.vocabulary().items(), concierge.getConfig("trending"), settings.trendsPollEvery());
    CustomerSettings customer = role.customer();
    ServingContext context =
        new ServingContext(
            customer, catalog, role.vocabulary(), models, trends, RulesSettings.fromConfig(concierge.getConfig("rules")),
            new Recommender(customer.recommender(), customer.features()), Clock.systemUTC());
    NodeMetrics metrics = NodeMetrics.unserved();
    Optional<KafkaDecisionLog> decisionLog =
        settings.logDecisions()
            ? Optional.of(KafkaDecisionLog.start(
                system, role.kafka().bootstrapServers(),
                DecisionLogSettings.fromConfig(role.kafka().decisionsTopic(), concierge.getConfig("decisions.log")),
                mapper.getFactory(), Clock.systemUTC(), metrics))
            : Optional.empty();
    RedisDecider decider =
        new RedisDecider(
            role.redis()::features, context, DecisionDeadline.fromConfig(concierge.getConfig("decisions")),
            decisionLog.<DecisionLog>map(log -> log).orElse(outcome -> { }),
            metrics, role.executor(), concierge.getDuration("decisions.fallback-warning-every"));
    EventJson eventJson = new EventJson(mapper);
    EventPublisher publisher =
        EventPublisher.start(
            concierge, role.kafka(), eventJson, BASELINE_TRANSACTIONAL_ID, role.executor(), Tracing.off());
    stopOnShutdown(system, decisionLog, publisher);

    HttpSettings http = HttpSettings.fromConfig(concierge);
    JsonResponses responses = new JsonResponses(mapper.getFactory());
    // the node's keys and limits, so that a client calls either design alike
    ServerKey serverKey = new ServerKey(http.access().serverKey(), responses);
    StorefrontAccess storefronts = new StorefrontAccess(http.access(), serverKey, responses);
    HealthCheck nothingToCheck = () -> CompletableFuture.completedFuture(List.of());
    ModelServerRoutes routes =
        new ModelServerRoutes(
            new DecisionRoutes(
                decider::decide,
                new DecisionRequests(mapper, http.limits()),
                responses,
                storefronts,
                new ServerSpans(Tracing.off())),
            new EventRoutes(
                publisher::publish,
                new EventRequests(mapper, eventJson, http.limits()), responses, storefronts,
                new ServerSpans(Tracing.off())),
            new CustomerRoutes(role.redis()::features, responses, Clock.systemUTC(), serverKey),
            // the baseline's model server ingests nothing (its feature writer does) and journals nothing
            new HealthRoutes(redisAnswers(role), nothingToCheck, nothingToCheck, responses),
            new ErrorHandling(responses),
            new WholeBody(http.bodyReadTimeout()));
    return HttpServer.start(
        "baseline model server", routes.route(), settings.host(), settings.port(), http.shutdownDeadline(), system);
  }

  /** Ready while Redis answers; the catalog and the model were loaded before the port was bound. */
  private static HealthCheck redisAnswers(RoleSetup role) {
    return () -> role.redis().ping().handleAsync(
        (pong, failure) ->
            failure == null ? List.of() : List.of("Redis at " + role.redisSettings().uri() + " does not answer: " + failure),
        role.executor());
  }

  /** The decisions still queued go to Kafka, and the events' transaction under way commits, as on a node. */
  private static void stopOnShutdown(
      ActorSystem<?> system, Optional<KafkaDecisionLog> decisionLog, EventPublisher publisher) {
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseServiceStop(), "baseline-stop-kafka-clients",
        () -> decisionLog.map(KafkaDecisionLog::stop).orElse(CompletableFuture.completedFuture(Done.getInstance()))
            .thenComposeAsync(logged -> publisher.stop(), system.executionContext())
            .thenApply(stopped -> Done.getInstance()));
  }
}
