package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.KafkaSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One batch's consumer spans: one per record, a child of the context in its {@code traceparent} header (a new
 * trace without one), from when ingestion read it until its customer's actor acknowledged it (event
 * {@code applied}) or it was refused. Its event carries the span's context to the actor, whose persist
 * span is its child. {@link #OFF} reads no header and makes no span.
 */
sealed interface IngestionSpans permits IngestionSpans.Off, IngestionSpans.PerRecord {

  IngestionSpans OFF = new Off();

  /** The event as its customer's actor gets it, with the context of its span when there is one. */
  SourcedEvent started(ConsumerRecord<String, byte[]> record, CustomerEvent event);

  /** Its customer's actor acknowledged it. */
  void applied(SourcedEvent sourced, boolean duplicate);

  /** It went to the dead-letter topic. */
  void refused(SourcedEvent sourced, String reason);

  static IngestionSpans of(Tracing tracing) {
    return tracing.enabled() ? new PerRecord(tracing) : OFF;
  }

  /** The name of a record's span. */
  static String processSpan(String topic) {
    return topic + " process";
  }

  final class Off implements IngestionSpans {
    private Off() {}

    @Override
    public SourcedEvent started(ConsumerRecord<String, byte[]> record, CustomerEvent event) {
      return new SourcedEvent(event, new KafkaSource(record.partition(), record.offset()));
    }

    @Override
    public void applied(SourcedEvent sourced, boolean duplicate) {}

    @Override
    public void refused(SourcedEvent sourced, String reason) {}
  }

  final class PerRecord implements IngestionSpans {
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> CUSTOMER_ID = AttributeKey.stringKey("concierge.customer_id");
    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("concierge.event_id");
    private static final AttributeKey<Boolean> DUPLICATE = AttributeKey.booleanKey("concierge.duplicate");
    private static final String APPLIED = "applied";

    private final Tracing tracing;
    // the batch's customers are acknowledged on several threads at once
    private final Map<SourcedEvent, Span> open = new ConcurrentHashMap<>();

    private PerRecord(Tracing tracing) {
      this.tracing = tracing;
    }

    @Override
    public SourcedEvent started(ConsumerRecord<String, byte[]> record, CustomerEvent event) {
      Span span = tracing.span(processSpan(record.topic()), SpanKind.CONSUMER)
          .setParent(tracing.extracted(record.headers(), KafkaHeaders.GETTER))
          .setAttribute(MESSAGING_SYSTEM, "kafka")
          .setAttribute(DESTINATION, record.topic())
          .setAttribute(PARTITION, Integer.toString(record.partition()))
          .setAttribute(OFFSET, record.offset())
          .setAttribute(CUSTOMER_ID, event.customerId())
          .setAttribute(EVENT_ID, event.eventId())
          .startSpan();
      SourcedEvent sourced =
          new SourcedEvent(event, new KafkaSource(record.partition(), record.offset()), Tracing.traceparent(span));
      open.put(sourced, span);
      return sourced;
    }

    @Override
    public void applied(SourcedEvent sourced, boolean duplicate) {
      Span span = open.remove(sourced);
      if (span != null) {
        span.setAttribute(DUPLICATE, duplicate);
        span.addEvent(APPLIED);
        span.end();
      }
    }

    @Override
    public void refused(SourcedEvent sourced, String reason) {
      Span span = open.remove(sourced);
      if (span != null) {
        span.setStatus(StatusCode.ERROR, reason);
        span.end();
      }
    }
  }

  /** A record's headers as a carrier of W3C context. */
  enum KafkaHeaders implements TextMapGetter<Headers> {
    GETTER;

    @Override
    public Iterable<String> keys(Headers headers) {
      List<String> keys = new ArrayList<>();
      for (Header header : headers) {
        keys.add(header.key());
      }
      return keys;
    }

    @Override
    public String get(Headers headers, String key) {
      Header header = headers == null ? null : headers.lastHeader(key);
      return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
  }
}
