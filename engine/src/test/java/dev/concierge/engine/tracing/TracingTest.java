package dev.concierge.engine.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import dev.concierge.testing.Eventually;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The node's tracing: off unless asked for, and a span's context carried whole by its traceparent. */
class TracingTest {

  private static final TracingSettings DEFAULTS = settings("");
  private static final TracingSettings ON = settings("enabled = on\nschedule-delay = 10ms");

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private Tracing tracing = Tracing.off();

  @AfterEach
  void stop() {
    tracing.stop().toCompletableFuture().join();
  }

  @Test
  void tracingIsOffByDefaultAndThenIgnoresAnExporterItIsGiven() {
    assertFalse(DEFAULTS.enabled());

    tracing = Tracing.start(DEFAULTS, Optional.of(exported));

    assertFalse(tracing.enabled());
    assertNull(Tracing.traceId(Span.getInvalid()), "no span, no trace id for the decision log");
  }

  @Test
  void aSpanStartedFromAnotherSpansTraceparentIsItsChildInItsTrace() {
    tracing = Tracing.start(ON, Optional.of(exported));
    Span parent = tracing.span("parent", SpanKind.SERVER).startSpan();

    Span child = tracing.span("child", SpanKind.INTERNAL).setParent(tracing.parent(Tracing.traceparent(parent))).startSpan();
    child.end();
    parent.end();

    // stopping the SDK would clear the in-memory exporter: its batch is waited for
    Eventually.within(Duration.ofSeconds(5), "both spans are exported", () -> exported.getFinishedSpanItems().size() == 2);
    SpanData childData = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals("child")).findFirst().orElseThrow();
    assertEquals(parent.getSpanContext().getTraceId(), childData.getTraceId());
    assertEquals(parent.getSpanContext().getSpanId(), childData.getParentSpanId());
    assertEquals(parent.getSpanContext().getTraceId(), Tracing.traceId(parent));
  }

  @Test
  void anActiveSpanIsNamedInTheLoggingMdcUntilItsScopeCloses() {
    tracing = Tracing.start(ON, Optional.of(exported));
    Span span = tracing.span("work", SpanKind.INTERNAL).startSpan();

    try (Scope current = Tracing.activate(span)) {
      assertEquals(span.getSpanContext().getTraceId(), MDC.get(Tracing.TRACE_ID_MDC));
      assertEquals(span.getSpanContext().getSpanId(), MDC.get(Tracing.SPAN_ID_MDC));
      assertEquals(span.getSpanContext(), Span.current().getSpanContext(), "what starts under it is its child");
    }

    assertNull(MDC.get(Tracing.TRACE_ID_MDC));
    assertNull(MDC.get(Tracing.SPAN_ID_MDC));
    span.end();
  }

  @Test
  void noSpanChangesNeitherTheMdcNorTheCurrentContext() {
    try (Scope current = Tracing.activate(Span.getInvalid())) {
      assertNull(MDC.get(Tracing.TRACE_ID_MDC));
      assertFalse(Span.current().getSpanContext().isValid());
    }
  }

  @Test
  void anUnknownProtocolIsRefusedAtStart() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> settings("protocol = thrift"));
    assertTrue(refused.getMessage().contains("thrift"));
  }

  /** {@code concierge.tracing} of the reference configuration, under {@code overrides}. */
  private static TracingSettings settings(String overrides) {
    return TracingSettings.fromConfig(
        ConfigFactory.parseString(overrides).withFallback(ConfigFactory.load().getConfig("concierge.tracing")));
  }
}
