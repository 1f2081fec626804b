package dev.concierge.api;

import dev.concierge.engine.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * The server span of a traced request: {@code POST /v1/decisions} and {@code POST /v1/events}, each a child of
 * the request's {@code traceparent} header when it has one, from its parsing to its answer. The routes ask
 * {@link #enabled()} first: with tracing off they read no header and make no span, and hand on
 * {@link Span#getInvalid()}, a constant whose methods do nothing.
 */
public final class ServerSpans {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final int FIRST_SERVER_ERROR = 500;

  private final Tracing tracing;

  public ServerSpans(Tracing tracing) {
    this.tracing = tracing;
  }

  public boolean enabled() {
    return tracing.enabled();
  }

  /** The name of a route's span. */
  public static String name(String route) {
    return "POST " + route;
  }

  /**
   * Handles a request in its span, current while {@code handling} runs so that what it starts (the ask, the
   * publish) is its child; a request refused by an exception (malformed, say) ends the span as an error.
   */
  <T> T within(HttpRequest request, String route, Function<Span, T> handling) {
    Span span = tracing.span(name(route), SpanKind.SERVER)
        .setParent(tracing.extracted(request, RequestHeaders.GETTER))
        .setAttribute(METHOD, request.method().value())
        .setAttribute(ROUTE, route)
        .startSpan();
    try (Scope current = Tracing.activate(span)) {
      return handling.apply(span);
    } catch (RuntimeException refused) {
      Tracing.ended(span, refused);
      throw refused;
    }
  }

  /** Ends the request's span with its answer's status. */
  static HttpResponse answered(Span span, HttpResponse response) {
    if (span.isRecording()) {
      int status = response.status().intValue();
      span.setAttribute(STATUS, status);
      if (status >= FIRST_SERVER_ERROR) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    }
    return response;
  }

  /** A request's headers as a carrier of W3C context. */
  private enum RequestHeaders implements TextMapGetter<HttpRequest> {
    GETTER;

    @Override
    public Iterable<String> keys(HttpRequest request) {
      List<String> keys = new ArrayList<>();
      for (HttpHeader header : request.getHeaders()) {
        keys.add(header.lowercaseName());
      }
      return keys;
    }

    @Override
    public String get(HttpRequest request, String key) {
      return request == null ? null : request.getHeader(key).map(HttpHeader::value).orElse(null);
    }
  }
}
