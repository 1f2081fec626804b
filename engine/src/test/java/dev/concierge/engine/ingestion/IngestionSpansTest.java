package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.engine.tracing.TracingSettings;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import dev.concierge.testing.Eventually;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A record's span continues the trace its traceparent header names, and ingestion reads no header while off. */
class IngestionSpansTest {

  private static final String TOPIC = "customer-events";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PUBLISH_SPAN = "00f067aa0ba902b7";
  private static final CustomerEvent VIEW = CustomerEvent.of("e-1", "c-1", EventType.VIEW, "sku-1", Instant.EPOCH);
  private static final TracingSettings ON = new TracingSettings(
      true, "http://127.0.0.1:4318", TracingSettings.Protocol.HTTP_PROTOBUF, "concierge-test", 1.0,
      Duration.ofMillis(10), Duration.ofSeconds(1));

  private static final Duration EXPORTED = Duration.ofSeconds(5);

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();

  @Test
  void offGivesTheEventItsRecordAndNoContextWhateverTheHeadersSay() {
    SourcedEvent sourced = IngestionSpans.of(Tracing.off()).started(traced(3, 42), VIEW);

    assertEquals(new KafkaSource(3, 42), sourced.source());
    assertNull(sourced.traceparent(), "the customer's actor makes no span");
    assertSame(IngestionSpans.OFF, IngestionSpans.of(Tracing.off()));
  }

  @Test
  void aRecordsSpanIsAChildOfItsPublishAndEndsWhenItsActorAcknowledges() {
    Tracing tracing = Tracing.start(ON, Optional.of(exported));
    IngestionSpans spans = IngestionSpans.of(tracing);

    SourcedEvent sourced = spans.started(traced(3, 42), VIEW);
    spans.applied(sourced, false);

    SpanData process = exportedSpan();
    assertEquals(IngestionSpans.processSpan(TOPIC), process.getName());
    assertEquals(SpanKind.CONSUMER, process.getKind());
    assertEquals(TRACE_ID, process.getTraceId());
    assertEquals(PUBLISH_SPAN, process.getParentSpanId());
    assertEquals(List.of("applied"), process.getEvents().stream().map(e -> e.getName()).toList());
    assertEquals(42L, process.getAttributes().get(AttributeKey.longKey("messaging.kafka.offset")));
    assertEquals("00-" + TRACE_ID + "-" + process.getSpanId() + "-01", sourced.traceparent(),
        "the event carries the record's span to its actor");
  }

  @Test
  void aRecordWithoutATraceparentStartsATraceOfItsOwn() {
    Tracing tracing = Tracing.start(ON, Optional.of(exported));
    IngestionSpans spans = IngestionSpans.of(tracing);

    spans.refused(spans.started(new ConsumerRecord<>(TOPIC, 0, 7, "c-1", new byte[0]), VIEW), "poison");

    SpanData process = exportedSpan();
    assertNotEquals(TRACE_ID, process.getTraceId());
    assertEquals(false, process.getParentSpanContext().isValid());
    assertEquals(StatusCode.ERROR, process.getStatus().getStatusCode(), "a refused event's span is an error");
  }

  private static ConsumerRecord<String, byte[]> traced(int partition, long offset) {
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(TOPIC, partition, offset, "c-1", new byte[0]);
    record.headers().add(Tracing.TRACEPARENT,
        ("00-" + TRACE_ID + "-" + PUBLISH_SPAN + "-01").getBytes(StandardCharsets.US_ASCII));
    return record;
  }

  // the one span exported; stopping the SDK would clear the in-memory exporter, so its batch is waited for
  private SpanData exportedSpan() {
    Eventually.within(EXPORTED, "the span is exported", () -> !exported.getFinishedSpanItems().isEmpty());
    List<SpanData> spans = exported.getFinishedSpanItems();
    assertEquals(1, spans.size(), spans.toString());
    return spans.get(0);
  }
}
