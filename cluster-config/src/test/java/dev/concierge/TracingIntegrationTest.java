package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.DecisionRoutes;
import dev.concierge.api.EventRoutes;
import dev.concierge.api.ServerSpans;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.decision.DecisionService;
import dev.concierge.engine.ingestion.EventPublisher;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.TestHttp;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Traces on a real node, tracing on and its spans read from the SDK's in-memory exporter: a storefront's
 * {@code traceparent} is continued through the request, Kafka and the customer's actor, each span the child
 * of the one before, all in the storefront's trace.
 */
class TracingIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(50, 7);
  // the storefront's own span, which the node's spans continue
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String STOREFRONT_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + STOREFRONT_SPAN + "-01";

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final ObjectMapper mapper = new ObjectMapper();
  private KafkaSettings topics;
  @AutoClose private TestKafka kafka;
  @AutoClose private TestNode node;

  @BeforeEach
  void startTracedNode() {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    topics = TestNode.prepareTopics(namespace);
    kafka = new TestKafka(topics);
    kafka.loadCatalog(CATALOG);
    node = TestNode.start(
        namespace,
        ConfigFactory.parseString("concierge.tracing.enabled = on\nconcierge.tracing.schedule-delay = 100ms"),
        exported);
    Eventually.within(SETTLE, "the node has read the catalog",
        () -> json(node.post("/v1/decisions", "{\"customerId\":\"c-warm\",\"limit\":5}")).get("items").size() == 5);
  }

  @Test
  void anEventsTraceRunsFromItsRequestThroughKafkaToItsPersistInTheCustomersActor() {
    HttpResponse<String> accepted = traced("/v1/events",
        "[{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"" + CATALOG.get(0).itemId()
            + "\",\"timestamp\":\"2026-11-26T10:00:00Z\"}]");
    assertEquals(202, accepted.statusCode(), accepted.body());

    Eventually.within(SETTLE, "the persist's span is exported", () -> named(CustomerEntity.PERSIST_SPAN) != null);
    SpanData request = named(ServerSpans.name(EventRoutes.ROUTE));
    SpanData publish = named(EventPublisher.publishSpan(topics.eventsTopic()));
    SpanData process = named(topics.eventsTopic() + " process");
    SpanData persist = named(CustomerEntity.PERSIST_SPAN);

    assertChildOf(STOREFRONT_SPAN, request, SpanKind.SERVER);
    assertChildOf(request.getSpanId(), publish, SpanKind.PRODUCER);
    assertChildOf(publish.getSpanId(), process, SpanKind.CONSUMER);
    assertChildOf(process.getSpanId(), persist, SpanKind.INTERNAL);
    assertTrue(hasEvent(persist, CustomerEntity.APPLIED_EVENT), "the persist ends once the event is applied");
    assertTrue(hasEvent(process, CustomerEntity.APPLIED_EVENT), "ingestion hears the actor's acknowledgement");

    ConsumerRecord<byte[], byte[]> record = kafka.events(1, SETTLE).get(0);
    assertEquals(
        "00-" + TRACE_ID + "-" + publish.getSpanId() + "-01",
        new String(record.headers().lastHeader(Tracing.TRACEPARENT).value(), StandardCharsets.US_ASCII),
        "the record carries the publish span's context");
  }

  @Test
  void aDecisionsTraceRunsFromItsRequestToTheRankingInTheCustomersActorAndIntoTheDecisionLog() {
    HttpResponse<String> decided = traced("/v1/decisions", "{\"customerId\":\"c-2\",\"limit\":5}");
    assertEquals(200, decided.statusCode(), decided.body());
    String decisionId = json(decided).get("decisionId").asText();

    Eventually.within(SETTLE, "the request's span is exported", () -> named(ServerSpans.name(DecisionRoutes.ROUTE)) != null);
    SpanData request = named(ServerSpans.name(DecisionRoutes.ROUTE));
    SpanData ask = named(DecisionService.ASK_SPAN);
    SpanData ranking = named(CustomerEntity.RECOMMEND_SPAN);

    assertChildOf(STOREFRONT_SPAN, request, SpanKind.SERVER);
    assertChildOf(request.getSpanId(), ask, SpanKind.CLIENT);
    assertChildOf(ask.getSpanId(), ranking, SpanKind.INTERNAL);

    Eventually.within(SETTLE, "the decision log records the decision with its trace id",
        () -> kafka.decisions(0, Duration.ZERO).stream()
            .map(logged -> json(new String(logged.value(), StandardCharsets.UTF_8)))
            .anyMatch(logged -> logged.get("decisionId").asText().equals(decisionId)
                && logged.get("traceId").asText().equals(TRACE_ID)));
  }

  private HttpResponse<String> traced(String path, String json) {
    return node.http().send(TestHttp.jsonRequest("POST", node.http().uri(path), json).header(Tracing.TRACEPARENT, TRACEPARENT));
  }

  // the one span of that name in the storefront's trace, or null while it is not exported
  private SpanData named(String name) {
    List<SpanData> spans = exported.getFinishedSpanItems().stream()
        .filter(span -> span.getTraceId().equals(TRACE_ID) && span.getName().equals(name))
        .toList();
    assertTrue(spans.size() <= 1, () -> "one span named " + name + " in the trace, not " + spans);
    return spans.isEmpty() ? null : spans.get(0);
  }

  private static void assertChildOf(String parentSpanId, SpanData span, SpanKind kind) {
    assertEquals(TRACE_ID, span.getTraceId(), span.getName() + " is in the storefront's trace");
    assertEquals(parentSpanId, span.getParentSpanId(), span.getName() + "'s parent");
    assertEquals(kind, span.getKind(), span.getName() + "'s kind");
  }

  private static boolean hasEvent(SpanData span, String name) {
    return span.getEvents().stream().map(EventData::getName).anyMatch(name::equals);
  }

  private JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  private JsonNode json(String body) {
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
