package dev.concierge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * The tests' HTTP client of a node: requests with JSON bodies and bearer tokens, one timeout for
 * connecting and for each answer, bodies read as text. {@link #send} turns a request that got no
 * answer into an {@link AssertionError} naming it; {@link #trySend} leaves that to callers that count
 * or retry such requests.
 */
public final class TestHttp {

  public static final String JSON = "application/json";

  private final HttpClient client;
  private final Duration timeout;

  public TestHttp(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Any request, as a client that may get everything wrong sends it; {@code contentType} and {@code body} may be null. */
  public static HttpRequest.Builder request(String method, URI uri, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return request;
  }

  /** A request with a JSON body, or with none if {@code json} is null. */
  public static HttpRequest.Builder jsonRequest(String method, URI uri, String json) {
    return json == null
        ? request(method, uri, null, null)
        : request(method, uri, JSON, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  /** {@code request} with {@code Authorization: Bearer token}; as it is if the token is null. */
  public static HttpRequest.Builder withBearer(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  public HttpResponse<String> get(URI uri) {
    return send(request("GET", uri, null, null));
  }

  public HttpResponse<String> get(URI uri, String bearerToken) {
    return send(withBearer(request("GET", uri, null, null), bearerToken));
  }

  public HttpResponse<String> postJson(URI uri, String json) {
    return send(jsonRequest("POST", uri, json));
  }

  /**
   * The answer; a request that got none throws {@link UncheckedIOException}, which fails the test, or
   * which {@link Eventually} takes as "not yet" while a node starts.
   */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(timeout).build();
    try {
      return client.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.uri() + " got no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted during " + built.method() + " " + built.uri(), e);
    }
  }

  /** The answer, or the failure of a request that got none. */
  public HttpResponse<String> trySend(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }

  public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
    return client.sendAsync(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * One sample of a {@code GET /metrics} answer, by its name and labels as Prometheus' text format
   * writes them, such as {@code concierge_events_total{result="duplicate"}}; empty if absent.
   */
  public static OptionalDouble metric(String metrics, String sample) {
    return metrics.lines()
        .filter(line -> line.startsWith(sample + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
        .findFirst();
  }
}
