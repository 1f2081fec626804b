package dev.concierge.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.api.CustomerRoutes;
import dev.concierge.api.DecisionRoutes;
import dev.concierge.api.ErrorHandling;
import dev.concierge.api.HealthCheck;
import dev.concierge.api.HealthRoutes;
import dev.concierge.api.HttpServer;
import dev.concierge.api.HttpSettings;
import dev.concierge.api.JsonResponses;
import dev.concierge.api.WholeBody;
import dev.concierge.api.dto.DecisionRequests;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.decision.DecisionDeadline;
import dev.concierge.engine.decision.DecisionLog;
import dev.concierge.engine.decision.DecisionLogSettings;
import dev.concierge.engine.decision.KafkaDecisionLog;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.engine.rules.RulesSettings;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.Recommender;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.SendProducer;

/**
 * The baseline's model server, in a JVM of its own: the node's decision and features API, answered
 * from features read from Redis per request, ranked by the node's recommender with a bundle file.
 */
public final class ModelServerMain {

  static final CommandLine COMMAND_LINE = new CommandLine(String.join("\n",
      "Usage: java -cp <benchmarks classpath> " + ModelServerMain.class.getName() + " [options]",
      "",
      "The model server of the Redis baseline (benchmarks/README.md): POST /v1/decisions and",
      "GET /v1/customers/{id}/features with the node's JSON, features read from Redis on every request, ranked",
      "like a node with the bundle given. Waits for the catalog topic first; then serves until SIGTERM.",
      "",
      "Options (each sets a key of concierge.baseline; the environment variable sets it too):",
      "  --bundle FILE          .bundle file to serve (server.bundle, CONCIERGE_BASELINE_BUNDLE;",
      "                         default none: the built-in heuristic, as a node without an active bundle)",
      "  --port N               HTTP port (server.port, CONCIERGE_BASELINE_HTTP_PORT; default 8090)",
      "  --interface HOST       HTTP interface (server.interface, CONCIERGE_BASELINE_HTTP_INTERFACE; default 127.0.0.1)",
      "  --redis URI            Redis (redis.uri, CONCIERGE_BASELINE_REDIS_URI or CONCIERGE_REDIS_URI;",
      "                         default redis://127.0.0.1:6380)",
      "  --bootstrap HOST:PORT  Kafka (kafka.bootstrap-servers, CONCIERGE_BASELINE_KAFKA_BOOTSTRAP or",
      "                         CONCIERGE_KAFKA_BOOTSTRAP; default 127.0.0.1:9092)",
      "  --catalog-topic NAME   the catalog topic (kafka.catalog-topic, CONCIERGE_BASELINE_CATALOG_TOPIC; default catalog)",
      "  --log-decisions on|off every decision to the decisions topic, as a node does (server.log-decisions,",
      "                         CONCIERGE_BASELINE_LOG_DECISIONS; default on)",
      "  --help                 this text"),
      Map.of(
          "--bundle", "concierge.baseline.server.bundle",
          "--port", "concierge.baseline.server.port",
          "--interface", "concierge.baseline.server.interface",
          "--redis", "concierge.baseline.redis.uri",
          "--bootstrap", "concierge.baseline.kafka.bootstrap-servers",
          "--catalog-topic", "concierge.baseline.kafka.catalog-topic",
          "--log-decisions", "concierge.baseline.server.log-decisions"));

  private ModelServerMain() {}

  public static void main(String[] args) throws Exception {
    Config config = COMMAND_LINE.configOrExit(args);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "baseline-server", config);
    try {
      start(system);
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
  }

  /** Starts everything the model server runs in {@code system}; the stage completes once the port is bound. */
  static CompletionStage<ServerBinding> start(ActorSystem<?> system) throws InterruptedException, IOException {
    Config concierge = system.settings().config().getConfig("concierge");
    KafkaSettings kafka = BaselineKafka.fromConfig(concierge);
    ServerSettings settings = ServerSettings.fromConfig(concierge);
    RedisSettings redisSettings = RedisSettings.fromConfig(concierge);
    CustomerSettings customer = CustomerSettings.fromConfig(concierge);
    Executor executor = system.executionContext();
    ObjectMapper mapper = new ObjectMapper();

    RedisConnection redis = RedisConnection.open(redisSettings).closedOnShutdownOf(system);
    Vocabulary vocabulary =
        new Vocabulary(concierge.getInt("vocabulary.max-items"), concierge.getInt("vocabulary.max-categories"));
    ActiveModel models = new ActiveModel(vocabulary, concierge.getInt("recommender.popular-per-list"));
    CatalogView catalog = CatalogCopy.start(system, concierge, kafka, models::catalogChanged, settings.catalogWait());
    if (settings.bundle().isPresent()) {
      BundleFile.install(models, settings.bundle().get(), catalog.get(), concierge.getInt("models.warm-up-rows"));
    }
    RedisFeatureSource features = new RedisFeatureSource(redis, redisSettings, FeatureCodec.of(system), executor);
    TrendsFeed trends =
        TrendsFeed.start(system, features, vocabulary.items(), concierge.getConfig("trending"), settings.trendsPollEvery());
    ServingContext context =
        new ServingContext(
            customer, catalog, vocabulary, models, trends, RulesSettings.fromConfig(concierge.getConfig("rules")),
            new Recommender(customer.recommender(), customer.features()), Clock.systemUTC());
    NodeMetrics metrics = NodeMetrics.unserved();
    RedisDecider decider =
        new RedisDecider(
            features::features, context, DecisionDeadline.fromConfig(concierge.getConfig("decisions")),
            settings.logDecisions() ? decisionLog(system, concierge, kafka, mapper, metrics) : outcome -> {},
            metrics, executor, concierge.getDuration("decisions.fallback-warning-every"));

    HttpSettings http = HttpSettings.fromConfig(concierge);
    JsonResponses responses = new JsonResponses(mapper.getFactory());
    ModelServerRoutes routes =
        new ModelServerRoutes(
            new DecisionRoutes(
                decider,
                new DecisionRequests(mapper, http.defaultDecisionLimit(), http.maxDecisionLimit(), http.maxItemsPerList()),
                responses),
            new CustomerRoutes(features::features, responses, Clock.systemUTC()),
            new HealthRoutes(redisAnswers(features, redisSettings, executor), responses),
            new ErrorHandling(responses),
            new WholeBody(http.bodyReadTimeout()));
    return HttpServer.start(
        "baseline model server", routes.route(), settings.host(), settings.port(), http.shutdownDeadline(), system);
  }

  /** Ready while Redis answers; the catalog and the model were loaded before the port was bound. */
  private static HealthCheck redisAnswers(RedisFeatureSource features, RedisSettings settings, Executor executor) {
    return () -> features.ping().handleAsync(
        (pong, failure) -> failure == null ? List.of() : List.of("Redis at " + settings.uri() + " does not answer: " + failure),
        executor);
  }

  /** Every decision to the decisions topic, through the node's own decision log. */
  private static DecisionLog decisionLog(
      ActorSystem<?> system, Config concierge, KafkaSettings kafka, ObjectMapper mapper, NodeMetrics metrics) {
    SendProducer<String, byte[]> producer =
        new SendProducer<>(
            ProducerSettings.create(concierge.getConfig("kafka.producer"), new StringSerializer(), new ByteArraySerializer())
                .withBootstrapServers(kafka.bootstrapServers()),
            system);
    KafkaDecisionLog log =
        KafkaDecisionLog.start(
            system, producer, DecisionLogSettings.fromConfig(kafka.decisionsTopic(), concierge.getConfig("decisions.log")),
            mapper.getFactory(), Clock.systemUTC(), metrics);
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseServiceStop(), "baseline-stop-decision-log",
        () -> log.stop().thenComposeAsync(logged -> producer.close(), system.executionContext()));
    return log;
  }
}
