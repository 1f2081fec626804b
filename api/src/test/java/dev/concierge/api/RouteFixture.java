package dev.concierge.api;

import dev.concierge.engine.tracing.Tracing;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.dto.AdminRequests;
import dev.concierge.api.dto.CatalogRequests;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogEdits;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.api.dto.DecisionRequests;
import dev.concierge.api.dto.EventRequests;
import dev.concierge.api.dto.RequestLimits;
import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.engine.ingestion.EventPublisher;
import dev.concierge.engine.ingestion.PublisherSettings;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.rules.RuleOverrides;
import dev.concierge.models.RankedItem;
import dev.concierge.persistence.json.EventJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.model.ModelAdmin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The API's routes wired as {@code Node} wires them (real ObjectMapper, EventJson, DTO readers, JSON
 * responses and error handling, settings from {@code reference.conf}), with in-memory fakes behind
 * the four functional interfaces. The fakes record what reached them.
 */
final class RouteFixture {

  static final long MAX_BUNDLE_BYTES = 1024;
  static final long MAX_CATALOG_BODY_BYTES = 2048;

  /** The admin API's token in fixtures; {@link #adminOff()} removes it. */
  static final String ADMIN_TOKEN = "s3cret-token";

  private Optional<String> adminToken = Optional.of(ADMIN_TOKEN);
  private ModelAdmin modelAdmin = new FakeModelAdmin();
  private ClusterAdmin clusterAdmin = new FakeClusterAdmin();
  private Supplier<String> metrics = () -> "";

  /** The server key in fixtures, which {@code reference.conf} leaves unset. */
  static final String SERVER_KEY = "sk_fixture-server-key";

  /** The moment every request of a fixture happens at. */
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");


  static final HttpSettings PRODUCTION_SETTINGS =
      HttpSettings.fromConfig(ConfigFactory.load().getConfig("concierge"));

  /** Events may be this far ahead of {@link #NOW}, as {@code reference.conf} says. */
  static final Duration MAX_FUTURE_SKEW = ConfigFactory.load().getDuration("concierge.events.max-future-skew");

  private static final EventHorizon HORIZON = new EventHorizon.Live(Clock.fixed(NOW, ZoneOffset.UTC), MAX_FUTURE_SKEW);

  final List<DecisionQuery> decisionQueries = new CopyOnWriteArrayList<>();
  final List<RuleOverrides> ruleOverrides = new CopyOnWriteArrayList<>();
  final List<List<CustomerEvent>> publishedBatches = new CopyOnWriteArrayList<>();
  final List<String> featureRequests = new CopyOnWriteArrayList<>();
  final List<List<CatalogEdits.Write>> catalogWrites = new CopyOnWriteArrayList<>();
  private Catalog catalog = Catalog.EMPTY;
  private long maxCatalogBodyBytes = MAX_CATALOG_BODY_BYTES;
  private CatalogSink catalogSink = writes -> CompletableFuture.completedFuture(writes.size());

  private Function<DecisionQuery, CompletionStage<DecisionOutcome>> decider = RouteFixture::personalised;
  private Function<List<CustomerEvent>, CompletionStage<Integer>> sink =
      events -> CompletableFuture.completedFuture(events.size());
  private Function<String, CompletionStage<CustomerFeatures>> features =
      customerId -> CompletableFuture.completedFuture(CustomerFeatures.EMPTY);
  private Supplier<CompletionStage<List<String>>> readiness = () -> CompletableFuture.completedFuture(List.of());
  private Supplier<CompletionStage<List<String>>> ingestion = () -> CompletableFuture.completedFuture(List.of());
  private Supplier<CompletionStage<List<String>>> journal = () -> CompletableFuture.completedFuture(List.of());
  private RequestLimits limits = PRODUCTION_SETTINGS.limits();
  private AccessSettings access = withServerKey(PRODUCTION_SETTINGS.access());
  private LongSupplier nanoTime = System::nanoTime;

  /** The default decider's answer: two personalised items for whoever asked. */
  static CompletionStage<DecisionOutcome> personalised(DecisionQuery query) {
    return CompletableFuture.completedFuture(
        new DecisionOutcome(
            "d-1",
            query.customerId(),
            "model-v3",
            "trees-vs-linear",
            "model-v3",
            false,
            List.of(
                new RankedItem("sku-9", 0.83, List.of("you viewed shoes", "popular in shoes")),
                new RankedItem("sku-11", 0.5, List.of())),
            null));
  }

  RouteFixture deciding(Function<DecisionQuery, CompletionStage<DecisionOutcome>> decider) {
    this.decider = decider;
    return this;
  }

  RouteFixture publishing(Function<List<CustomerEvent>, CompletionStage<Integer>> sink) {
    this.sink = sink;
    return this;
  }

  RouteFixture sinkFailingWith(Throwable failure) {
    return publishing(events -> CompletableFuture.failedFuture(failure));
  }

  RouteFixture featuresAre(CustomerFeatures answer) {
    this.features = customerId -> CompletableFuture.completedFuture(answer);
    return this;
  }

  RouteFixture featuresFailWith(Throwable failure) {
    this.features = customerId -> CompletableFuture.failedFuture(failure);
    return this;
  }

  RouteFixture readinessProblems(String... problems) {
    List<String> answer = List.of(problems);
    this.readiness = () -> CompletableFuture.completedFuture(answer);
    return this;
  }
  RouteFixture journalProblems(String... problems) {
    List<String> answer = List.of(problems);
    this.journal = () -> CompletableFuture.completedFuture(answer);
    return this;
  }

  RouteFixture ingestionProblems(String... problems) {
    List<String> answer = List.of(problems);
    this.ingestion = () -> CompletableFuture.completedFuture(answer);
    return this;
  }

  RouteFixture maxEventsPerRequest(int max) {
    this.limits = limits.withMaxEventsPerRequest(max);
    return this;
  }

  /** The node's catalog, which partial catalog changes merge with. */
  RouteFixture catalog(Catalog current) {
    this.catalog = current;
    return this;
  }

  RouteFixture catalogLimit(long maxBytes) {
    this.maxCatalogBodyBytes = maxBytes;
    return this;
  }

  RouteFixture catalogSink(CatalogSink sink) {
    this.catalogSink = sink;
    return this;
  }

  RouteFixture adminOff() {
    this.adminToken = Optional.empty();
    return this;
  }

  /** The server key, storefronts, rate limits and CORS, in place of {@code reference.conf}'s. */
  RouteFixture access(AccessSettings settings) {
    this.access = settings;
    return this;
  }

  /** The clock of the rate limits' buckets. */
  RouteFixture nanoTime(LongSupplier clock) {
    this.nanoTime = clock;
    return this;
  }

  static AccessSettings withServerKey(AccessSettings access) {
    return new AccessSettings(
        Optional.of(SERVER_KEY), access.storefronts(), access.perKey(), access.perAddress(), access.maxTracked(),
        access.cors());
  }

  RouteFixture metrics(Supplier<String> scrape) {
    this.metrics = scrape;
    return this;
  }

  RouteFixture clusterAdmin(ClusterAdmin admin) {
    this.clusterAdmin = admin;
    return this;
  }

  RouteFixture modelAdmin(ModelAdmin admin) {
    this.modelAdmin = admin;
    return this;
  }

  Route route() {
    ObjectMapper mapper = new ObjectMapper();
    EventJson eventJson = new EventJson(mapper, HORIZON);
    JsonResponses responses = new JsonResponses(mapper.getFactory());
    Decider recordingDecider =
        (query, rules, answer) -> {
          decisionQueries.add(query);
          ruleOverrides.add(rules);
          return decider.apply(query).thenApply(answer);
        };
    EventSink recordingSink =
        events -> {
          publishedBatches.add(List.copyOf(events));
          return sink.apply(events);
        };
    FeatureReader recordingReader =
        customerId -> {
          featureRequests.add(customerId);
          return features.apply(customerId);
        };
    HealthCheck health = () -> readiness.get();
    HealthCheck ingestionHealth = () -> ingestion.get();
    HealthCheck journalHealth = () -> journal.get();
    ServerKey serverKey = new ServerKey(access.serverKey(), responses);
    StorefrontAccess storefronts = new StorefrontAccess(access, serverKey, responses, nanoTime);
    return new ApiRoutes(
            new DecisionRoutes(
                recordingDecider,
                new DecisionRequests(mapper, limits),
                responses,
                storefronts,
                new ServerSpans(Tracing.off())),
            new EventRoutes(
                recordingSink, new EventRequests(mapper, eventJson, limits), responses, storefronts,
                new ServerSpans(Tracing.off())),
            new CustomerRoutes(recordingReader, responses, Clock.fixed(NOW, ZoneOffset.UTC), serverKey),
            new OpenApiRoutes(OpenApiDocument.load()),
            new HealthRoutes(health, ingestionHealth, journalHealth, responses),
            new MetricsRoutes(metrics),
            new AdminRoutes(
                new AdminAuth(adminToken, responses), MAX_BUNDLE_BYTES, modelAdmin, clusterAdmin,
                new CatalogRoutes(
                    () -> catalog,
                    writes -> {
                      catalogWrites.add(List.copyOf(writes));
                      return catalogSink.publish(writes);
                    },
                    new CatalogRequests(mapper, new CatalogJson(mapper)), responses, maxCatalogBodyBytes),
                responses,
                new AdminRequests(mapper, limits)),
            new ErrorHandling(responses),
            new WholeBody(PRODUCTION_SETTINGS.bodyReadTimeout()),
            new Cors(access.cors(), responses))
        .route();
  }

  /**
   * The node's real publisher, with a producer whose largest record is {@code maxRecordBytes}: it refuses
   * larger records before any producer exists, so it needs no Kafka. Stop it after the test.
   */
  static EventPublisher publisherTakingRecordsUpTo(int maxRecordBytes) {
    return new EventPublisher("customer-events", new EventJson(new ObjectMapper()),
        // Kafka's producer properties by name: the api module does not use kafka-clients itself
        Map.of("max.request.size", String.valueOf(maxRecordBytes), "bootstrap.servers", "127.0.0.1:1"),
        "route-tests", new PublisherSettings(64, 16, Duration.ofSeconds(30), Duration.ofSeconds(5)),
        Runnable::run, Tracing.off());
  }
}
