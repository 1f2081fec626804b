package dev.concierge;

import static org.apache.pekko.http.javadsl.server.Directives.concat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.AdminAuth;
import dev.concierge.api.AdminRoutes;
import dev.concierge.api.CatalogRoutes;
import dev.concierge.api.ApiRoutes;
import dev.concierge.api.WholeBody;
import dev.concierge.api.Cors;
import dev.concierge.api.CustomerRoutes;
import dev.concierge.api.DecisionRoutes;
import dev.concierge.api.ErrorHandling;
import dev.concierge.api.HealthCheck;
import dev.concierge.api.EventRoutes;
import dev.concierge.api.HealthRoutes;
import dev.concierge.api.HttpServer;
import dev.concierge.api.HttpServerMeters;
import dev.concierge.api.RouteTemplates;
import dev.concierge.api.HttpSettings;
import dev.concierge.api.JsonResponses;
import dev.concierge.api.ManagementEndpoint;
import dev.concierge.api.MetricsRoutes;
import dev.concierge.api.OpenApiDocument;
import dev.concierge.api.OpenApiRoutes;
import dev.concierge.api.ServerKey;
import dev.concierge.api.ServerSpans;
import dev.concierge.api.StorefrontAccess;
import dev.concierge.api.dto.AdminRequests;
import dev.concierge.api.dto.CatalogRequests;
import dev.concierge.api.dto.DecisionRequests;
import dev.concierge.api.dto.EventRequests;
import dev.concierge.engine.CassandraAccess;
import dev.concierge.engine.CustomerContext;
import dev.concierge.engine.CustomerDirectory;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.FeatureService;
import dev.concierge.api.demo.DemoSettings;
import dev.concierge.api.demo.DemoStorefront;
import dev.concierge.engine.catalog.CatalogConsumer;
import dev.concierge.engine.catalog.CatalogPublisher;
import dev.concierge.engine.catalog.CatalogSettings;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.cluster.ClusterAdminService;
import dev.concierge.engine.cluster.ClusterAdminSettings;
import dev.concierge.engine.decision.DecisionDeadline;
import dev.concierge.engine.decision.DecisionLogSettings;
import dev.concierge.engine.decision.KafkaDecisionLog;
import dev.concierge.engine.decision.DecisionService;
import dev.concierge.engine.health.JournalProbe;
import dev.concierge.engine.ingestion.EventIngestion;
import dev.concierge.engine.ingestion.EventPublisher;
import dev.concierge.engine.ingestion.IngestionSettings;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.metrics.CustomerMeters;
import dev.concierge.engine.metrics.MetricsSettings;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.engine.model.BundleLoader;
import dev.concierge.engine.model.BundleStore;
import dev.concierge.engine.model.CassandraAssignmentStore;
import dev.concierge.engine.model.CassandraBundleStore;
import dev.concierge.engine.model.ModelAdminService;
import dev.concierge.engine.model.ModelRegistry;
import dev.concierge.engine.model.ModelTables;
import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.engine.rules.RulesSettings;
import dev.concierge.engine.sharding.HostedShardsGauges;
import dev.concierge.engine.sharding.LocalShards;
import dev.concierge.engine.sharding.PartitionShardPinner;
import dev.concierge.engine.sharding.PinnedLeastShardAllocation;
import dev.concierge.engine.sharding.RegionShards;
import dev.concierge.engine.sharding.ShardActivity;
import dev.concierge.engine.sharding.ShardActivityReporter;
import dev.concierge.engine.sharding.ShardingSettings;
import dev.concierge.engine.triggers.CustomerTriggers;
import dev.concierge.engine.triggers.KafkaTriggerLog;
import dev.concierge.engine.triggers.TriggerSettings;
import dev.concierge.engine.triggers.TriggerWebhook;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.engine.tracing.TracingSettings;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.persistence.bundle.BundleLimits;
import dev.concierge.persistence.json.CatalogItemLimits;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ModelAssignmentJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import com.typesafe.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.kafka.ConsumerRebalanceEvent;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.stream.UniqueKillSwitch;

/**
 * Everything one node runs, wired in dependency order: cluster membership, the catalog, the
 * customer entity, ingestion, decisions and the HTTP API. Public so integration tests can start a
 * real node inside their own actor system.
 */
public record Node(
    CatalogView catalog,
    DecisionService decisions,
    Optional<EventIngestion> ingestion,
    CompletionStage<ServerBinding> binding) {

  /** @param spanExporter where spans go instead of OTLP, when tracing is on: tests read them from memory */
  public static Node start(ActorSystem<?> system, Optional<SpanExporter> spanExporter) {
    Config concierge = system.settings().config().getConfig("concierge");
    Tracing tracing = Tracing.start(TracingSettings.fromConfig(concierge.getConfig("tracing")), spanExporter);
    ClusterFormation formation = ClusterFormation.fromConfig(concierge);
    ObjectMapper mapper = new ObjectMapper();
    PrometheusMeterRegistry meters = NodeMeters.of(system);
    MetricsSettings metricsSettings = MetricsSettings.fromConfig(concierge.getConfig("metrics"));
    NodeMetrics metrics = new NodeMetrics(meters, metricsSettings);
    Clock clock = Clock.systemUTC();
    // one horizon for the edges, which refuse events beyond it, and for features and trends, which clamp to it
    EventHorizon horizon = new EventHorizon.Live(clock, concierge.getDuration("events.max-future-skew"));
    EventJson eventJson = new EventJson(mapper, horizon);
    KafkaSettings kafka = KafkaSettings.fromConfig(concierge);
    CustomerSettings customerSettings = CustomerSettings.fromConfig(concierge);

    Vocabulary vocabulary =
        new Vocabulary(concierge.getInt("vocabulary.max-items"), concierge.getInt("vocabulary.max-categories"));
    NodeMetrics.watch(meters, vocabulary);
    ActiveModel models = new ActiveModel(vocabulary, concierge.getInt("recommender.popular-per-list"));
    CatalogView catalog = new CatalogView(models::catalogChanged);
    CatalogJson catalogJson = new CatalogJson(mapper, CatalogItemLimits.fromConfig(concierge.getConfig("catalog.items")));
    UniqueKillSwitch catalogConsumer =
        CatalogConsumer.start(system, kafka, CatalogSettings.fromConfig(concierge), catalog, catalogJson);
    TrendingItems trends = trends(system, concierge.getConfig("trending"));
    ShardingSettings sharding = ShardingSettings.fromConfig(system.settings().config());
    ClusterAdminSettings clusterAdminSettings = ClusterAdminSettings.fromConfig(concierge.getConfig("cluster-admin"));
    TriggerSettings triggerSettings = TriggerSettings.fromConfig(system.settings().config());
    KafkaTriggerLog triggerLog =
        KafkaTriggerLog.start(system, kafka.bootstrapServers(), kafka.triggersTopic(), triggerSettings, mapper.getFactory());
    CustomerContext context =
        new CustomerContext(
            customerSettings, catalog, vocabulary, models, trends,
            RulesSettings.fromConfig(concierge.getConfig("rules")),
            new Recommender(customerSettings.recommender(), customerSettings.features()),
            clock,
            horizon,
            sharding.customerShards(
                shardActivity(system, sharding, clusterAdminSettings, meters, metricsSettings)),
            CustomerDirectory.sharded(system),
            new CustomerTriggers(triggerSettings.activeRules(), triggerSettings.recommendations(), triggerLog),
            tracing,
            new CustomerMeters(meters, metricsSettings));
    CustomerEntity.init(system, context, new PinnedLeastShardAllocation(CustomerEntity.ENTITY_KEY.name(), sharding));

    SendProducer<String, byte[]> producer =
        new SendProducer<>(
            metrics.kafkaClients().metered(
                ProducerSettings.create(
                        concierge.getConfig("kafka.producer"), new StringSerializer(), new ByteArraySerializer())
                    .withBootstrapServers(kafka.bootstrapServers()),
                "node"),
            system);
    Optional<UniqueKillSwitch> webhook =
        TriggerWebhook.start(system, kafka, triggerSettings.webhook(), producer, Clock.systemUTC());
    IngestionSettings ingestionSettings = IngestionSettings.fromConfig(system.settings().config());
    JournalProbe journal = new JournalProbe(system);
    journal.probeEvery(concierge.getDuration("health.journal-probe-every"), system);
    metrics.watchJournal(journal::lastAnswer);
    Optional<EventIngestion> ingestion =
        ingestionSettings.enabled()
            ? Optional.of(
                EventIngestion.start(
                    system, kafka, ingestionSettings, eventJson, producer,
                    new TrendRecorder(trends, vocabulary, customerSettings.features(), horizon),
                    partitionPinner(system, sharding),
                    journal::reachable,
                    metrics,
                    tracing))
            : Optional.empty();
    KafkaDecisionLog decisionLog =
        KafkaDecisionLog.start(
            system, kafka.bootstrapServers(), DecisionLogSettings.fromConfig(kafka.decisionsTopic(), concierge.getConfig("decisions.log")),
            mapper.getFactory(), Clock.systemUTC(), metrics);
    DecisionService decisions =
        new DecisionService(
            system, context, DecisionDeadline.fromConfig(concierge.getConfig("decisions")),
            decisionLog,
            metrics,
            concierge.getDuration("decisions.fallback-warning-every"),
            tracing);

    ModelAdminService modelAdmin = startModelRegistry(system, concierge, models, catalog, mapper);

    HttpSettings http = HttpSettings.fromConfig(concierge);
    JsonResponses responses = new JsonResponses(mapper.getFactory());
    AdminAuth adminAuth = new AdminAuth(Optional.of(concierge.getString("admin.token")), responses);
    ServerKey serverKey = new ServerKey(http.access().serverKey(), responses);
    StorefrontAccess storefronts = new StorefrontAccess(http.access(), serverKey, responses);
    ClusterAdmin clusterAdmin =
        new ClusterAdminService(system, sharding, clusterAdminSettings, Clock.systemUTC());
    EventPublisher publisher =
        EventPublisher.start(concierge, kafka, eventJson, transactionalId(system), system.executionContext(), tracing);
    ServerSpans serverSpans = new ServerSpans(tracing);
    CatalogPublisher catalogPublisher = new CatalogPublisher(kafka.catalogTopic(), catalogJson, publisher);
    OpenApiDocument openApi = OpenApiDocument.load();
    HealthRoutes health =
        new HealthRoutes(
            new NodeHealth(system, ingestion), ingestionHealth(ingestion), NodeHealth.journal(journal), responses);
    ApiRoutes routes =
        new ApiRoutes(
            new DecisionRoutes(
                decisions::decide,
                new DecisionRequests(mapper, http.limits()),
                responses,
                storefronts,
                serverSpans),
            new EventRoutes(
                publisher::publish, new EventRequests(mapper, eventJson, http.limits()), responses, storefronts,
                serverSpans),
            new CustomerRoutes(
                new FeatureService(system, concierge.getDuration("customer.features-read-timeout"))::features,
                responses,
                Clock.systemUTC(),
                serverKey),
            new OpenApiRoutes(openApi),
            health,
            new MetricsRoutes(meters::scrape),
            new AdminRoutes(
                adminAuth, concierge.getBytes("admin.max-bundle-size"), modelAdmin, clusterAdmin,
                new CatalogRoutes(
                    catalog, catalogPublisher::publish, new CatalogRequests(mapper, catalogJson), responses,
                    concierge.getBytes("admin.max-catalog-body-size")),
                responses,
                new AdminRequests(mapper, http.limits())),
            new ErrorHandling(responses),
            new WholeBody(http.bodyReadTimeout()),
            new Cors(http.access().cors(), responses));
    DemoSettings demo = DemoSettings.fromConfig(concierge);
    Route served = demo.enabled()
        ? concat(new DemoStorefront(demo, catalog, responses).route(), routes.route())
        : routes.route();
    CompletionStage<ServerBinding> binding =
        HttpServer.start(served, http, new HttpServerMeters(meters, RouteTemplates.of(openApi)), system);
    ManagementEndpoint.start(
        system, adminAuth, health.route(), formation.servesContactPoint(), http.shutdownDeadline());
    formation.start(system);

    stopOnShutdown(system, ingestion, publisher, catalogConsumer, decisionLog, producer, triggerLog, webhook, tracing);
    return new Node(catalog, decisions, ingestion, binding);
  }

  // the node's address, the same across its restarts: a restarted node fences its earlier incarnation
  private static String transactionalId(ActorSystem<?> system) {
    Address self = Cluster.get(system).selfMember().address();
    return "concierge-events-" + self.getHost().orElse("local") + "-" + self.getPort().orElse(0);
  }

  /** Stalled ingestion, for GET /health/ingestion; a node that does not ingest has none. */
  private static HealthCheck ingestionHealth(Optional<EventIngestion> ingestion) {
    return () -> CompletableFuture.completedFuture(
        ingestion.flatMap(running -> running.stallWatch().problem()).map(List::of).orElse(List.of()));
  }

  /**
   * The registry of model bundles and their activation: both stored in Cassandra, so that they outlive
   * the cluster, and changes replicated to every node by Distributed Data.
   */
  private static ModelAdminService startModelRegistry(
      ActorSystem<?> system, Config concierge, ActiveModel models, CatalogView catalog, ObjectMapper mapper) {
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    Config settings = concierge.getConfig("models");
    String keyspace = settings.getString("store.keyspace");
    ModelTables tables =
        new ModelTables(
            CassandraAccess.session(system),
            keyspace.isEmpty() ? system.settings().config().getString("pekko.persistence.cassandra.journal.keyspace") : keyspace,
            settings.getBoolean("store.create-schema"), blocking);
    BundleStore bundles = new CassandraBundleStore(tables, mapper, blocking);
    ActorRef<ModelRegistry.Command> registry =
        system.systemActorOf(
            ModelRegistry.create(
                bundles,
                new CassandraAssignmentStore(tables, new ModelAssignmentJson(mapper), blocking),
                new BundleLoader(
                    bundles, new BundleArchive(mapper, BundleLimits.fromConfig(concierge.getConfig("bundles"))), models, catalog, blocking, settings.getInt("warm-up-rows")),
                models,
                ModelRegistry.Settings.fromConfig(settings, blocking),
                Clock.systemUTC()),
            "model-registry",
            Props.empty());
    return new ModelAdminService(registry, models, settings.getDuration("admin-timeout"), system.scheduler());
  }

  /** With shards aligned to Kafka partitions, what pins each shard to the node that consumes its partition. */
  private static Optional<ActorRef<ConsumerRebalanceEvent>> partitionPinner(
      ActorSystem<?> system, ShardingSettings sharding) {
    if (!sharding.alignedWithKafkaPartitions()) {
      return Optional.empty();
    }
    return Optional.of(system.systemActorOf(
        PartitionShardPinner.create(CustomerEntity.ENTITY_KEY.name()), "partition-shard-pinner", Props.empty()));
  }

  /**
   * This node's shards and its count of events and decisions per shard, offered to the cluster's admin API,
   * and the gauges of its shards and customers in memory.
   */
  private static ShardActivity shardActivity(
      ActorSystem<?> system, ShardingSettings sharding, ClusterAdminSettings settings, MeterRegistry meters,
      MetricsSettings metricsSettings) {
    ShardActivity activity = new ShardActivity(sharding.numberOfShards(), settings.samplesInWindow());
    String node = Cluster.get(system).selfMember().address().toString();
    LocalShards localShards =
        new RegionShards(Adapter.toClassic(system), CustomerEntity.ENTITY_KEY.name(), settings.regionTimeout());
    HostedShardsGauges.start(system, localShards, meters, metricsSettings.shardingPollEvery());
    system.systemActorOf(
        ShardActivityReporter.create(activity, settings.activitySampleEvery(), node, localShards),
        "shard-activity", Props.empty());
    return activity;
  }

  /** Live trends, with their list of top items refreshed on a schedule rather than per event. */
  private static TrendingItems trends(ActorSystem<?> system, Config trending) {
    TrendingItems trends = new TrendingItems(trending.getDuration("half-life").toMillis(), trending.getInt("top"));
    Duration every = trending.getDuration("refresh-every");
    system.scheduler().scheduleAtFixedRate(every, every, trends::refreshTop, system.executionContext());
    return trends;
  }

  private static void stopOnShutdown(
      ActorSystem<?> system,
      Optional<EventIngestion> ingestion,
      EventPublisher publisher,
      UniqueKillSwitch catalogConsumer,
      KafkaDecisionLog decisionLog,
      SendProducer<String, byte[]> producer,
      KafkaTriggerLog triggerLog,
      Optional<UniqueKillSwitch> webhook,
      Tracing tracing) {
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    // last, so that the spans of everything stopped before are exported too
    shutdown.addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "concierge-stop-tracing", tracing::stop);
    // stop taking events before sharding hands off entities; confirmed offsets are committed on the way out
    shutdown.addTask(
        CoordinatedShutdown.PhaseServiceRequestsDone(),
        "concierge-stop-ingestion",
        () -> ingestion.map(EventIngestion::stop).orElse(CompletableFuture.completedFuture(Done.getInstance())));
    // the HTTP port is unbound by now: no request can add to the events' transactions
    shutdown.addTask(
        CoordinatedShutdown.PhaseServiceRequestsDone(),
        "concierge-stop-event-publisher",
        () -> publisher.stop().thenApplyAsync(stopped -> Done.getInstance(), system.executionContext()));
    shutdown.addTask(
        CoordinatedShutdown.PhaseServiceStop(),
        "concierge-stop-kafka-clients",
        () -> {
          catalogConsumer.shutdown();
          webhook.ifPresent(UniqueKillSwitch::shutdown);
          return decisionLog.stop()
              .thenComposeAsync(logged -> triggerLog.stop(), system.executionContext())
              .thenComposeAsync(logged -> producer.close(), system.executionContext());
        });
  }
}
