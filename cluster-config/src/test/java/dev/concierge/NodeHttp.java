package dev.concierge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP requests to one node's API, at its base URL. */
final class NodeHttp {

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  NodeHttp(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any request, as a client that may get everything wrong sends it; {@code contentType} may be null. */
  HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
    return raw(method, path, contentType, null, body);
  }

  /** As {@link #raw(String, String, String, byte[])}, with {@code Authorization: Bearer} unless the token is null. */
  HttpResponse<String> raw(String method, String path, String contentType, String bearerToken, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    return send(request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** One sample of GET /metrics, by its name and labels as Prometheus' text format writes them. */
  double metric(String sample) {
    return get("/metrics").body().lines()
        .filter(line -> line.startsWith(sample + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(sample + " is not in /metrics"));
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request to " + base + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
