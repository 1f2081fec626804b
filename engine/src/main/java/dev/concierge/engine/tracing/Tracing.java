package dev.concierge.engine.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The node's tracing: owns the OpenTelemetry SDK, from its setup to the flush of its last spans, and
 * carries a span's context across Kafka and between actors as a W3C {@code traceparent}.
 *
 * <p>Off (the default), it is {@link OpenTelemetry#noop()} and {@link #enabled()} is false: the hot paths
 * ask that once and then do what they did before tracing existed, with no span, no context and no header
 * read (docs/decisions.md, "Tracing costs nothing when it is off").
 */
public final class Tracing {

  /** The W3C header, in HTTP requests and Kafka records alike. */
  public static final String TRACEPARENT = "traceparent";
  /** The logging MDC's keys for the span being worked on. */
  public static final String TRACE_ID_MDC = "traceId";
  public static final String SPAN_ID_MDC = "spanId";

  private static final Logger log = LoggerFactory.getLogger(Tracing.class);
  private static final String INSTRUMENTATION = "dev.concierge";
  private static final String TRACES_PATH = "/v1/traces";
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final Tracing OFF = new Tracing(false, OpenTelemetry.noop().getTracer(INSTRUMENTATION), CompletableResultCode::ofSuccess);

  private final boolean enabled;
  private final Tracer tracer;
  private final Supplier<CompletableResultCode> shutdown;

  private Tracing(boolean enabled, Tracer tracer, Supplier<CompletableResultCode> shutdown) {
    this.enabled = enabled;
    this.tracer = tracer;
    this.shutdown = shutdown;
  }

  public static Tracing off() {
    return OFF;
  }

  /**
   * Off, or the SDK exporting to the OTLP collector at {@code settings.endpoint()}, or to {@code exporter} when
   * one is given: the seam through which a test reads the node's spans from memory.
   */
  public static Tracing start(TracingSettings settings, Optional<SpanExporter> exporter) {
    if (!settings.enabled()) {
      return OFF;
    }
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName()))))
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplerRatio())))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter.orElseGet(() -> otlp(settings)))
            .setScheduleDelay(settings.scheduleDelay())
            .setExporterTimeout(settings.exportTimeout())
            .build())
        .build();
    log.info("tracing on: {} of new traces sampled, exported as {}", settings.samplerRatio(), settings.serviceName());
    return new Tracing(true, provider.get(INSTRUMENTATION), provider::shutdown);
  }

  private static SpanExporter otlp(TracingSettings settings) {
    return switch (settings.protocol()) {
      case HTTP_PROTOBUF -> OtlpHttpSpanExporter.builder()
          .setEndpoint(settings.endpoint() + TRACES_PATH)
          .setTimeout(settings.exportTimeout())
          .build();
      case GRPC -> OtlpGrpcSpanExporter.builder()
          .setEndpoint(settings.endpoint())
          .setTimeout(settings.exportTimeout())
          .build();
    };
  }

  /** Whether spans are made at all; when false, callers skip every tracing step. */
  public boolean enabled() {
    return enabled;
  }

  /** A span to start, a child of the current context's span unless given another parent. */
  public SpanBuilder span(String name, SpanKind kind) {
    return tracer.spanBuilder(name).setSpanKind(kind);
  }

  /** The context a carrier's W3C headers name; the root context when they name none, or an invalid one. */
  public <C> Context extracted(C carrier, TextMapGetter<C> getter) {
    return W3C.extract(Context.root(), carrier, getter);
  }

  /** The context a {@code traceparent} names, as a span's parent. */
  public Context parent(String traceparent) {
    return extracted(traceparent, OneTraceparent.GETTER);
  }

  /** The span's context as a W3C {@code traceparent}: what a message or a record carries to the next span. */
  public static String traceparent(Span span) {
    SpanContext context = span.getSpanContext();
    return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
  }

  /** The trace the span belongs to, or {@code null} for no span (tracing off). */
  public static String traceId(Span span) {
    SpanContext context = span.getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  /**
   * Makes {@code span} the current one, for the spans started under it, and names it in the logging MDC
   * ({@code traceId}, {@code spanId}) until the scope closes. No span (tracing off) changes nothing.
   */
  public static Scope activate(Span span) {
    SpanContext context = span.getSpanContext();
    if (!context.isValid()) {
      return Scope.noop();
    }
    Scope current = span.makeCurrent();
    String outerTrace = MDC.get(TRACE_ID_MDC);
    String outerSpan = MDC.get(SPAN_ID_MDC);
    MDC.put(TRACE_ID_MDC, context.getTraceId());
    MDC.put(SPAN_ID_MDC, context.getSpanId());
    return () -> {
      restore(TRACE_ID_MDC, outerTrace);
      restore(SPAN_ID_MDC, outerSpan);
      current.close();
    };
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /** Ends the span, as an error if {@code failure} is not null; no span (tracing off) costs nothing. */
  public static void ended(Span span, Throwable failure) {
    if (failure != null && span.isRecording()) {
      span.recordException(failure);
      span.setStatus(StatusCode.ERROR, failure.toString());
    }
    span.end();
  }

  /** Exports the spans still waiting, then stops the SDK; completes when that is done, or failed. */
  public CompletionStage<Done> stop() {
    CompletableFuture<Done> stopped = new CompletableFuture<>();
    CompletableResultCode result = shutdown.get();
    result.whenComplete(() -> {
      if (!result.isSuccess()) {
        log.warn("tracing stopped, its last spans perhaps not exported");
      }
      stopped.complete(Done.getInstance());
    });
    return stopped;
  }

  /** A lone {@code traceparent} as a carrier. */
  private enum OneTraceparent implements TextMapGetter<String> {
    GETTER;

    @Override
    public Iterable<String> keys(String traceparent) {
      return Collections.singletonList(TRACEPARENT);
    }

    @Override
    public String get(String traceparent, String key) {
      return TRACEPARENT.equals(key) ? traceparent : null;
    }
  }
}
