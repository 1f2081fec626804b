package dev.concierge;

import dev.concierge.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP requests to one node's API, by their paths from its base URL. */
final class NodeHttp {

  private final URI base;
  private final TestHttp http;

  NodeHttp(URI base, Duration timeout) {
    this.base = base;
    this.http = new TestHttp(timeout);
  }

  HttpResponse<String> get(String path) {
    return http.get(uri(path));
  }

  /** A GET with {@code Authorization: Bearer}, as the shop's servers send it. */
  HttpResponse<String> get(String path, String bearerToken) {
    return send(TestHttp.withBearer(TestHttp.request("GET", uri(path), null, null), bearerToken));
  }

  HttpResponse<String> post(String path, String json) {
    return http.postJson(uri(path), json);
  }

  /** Any request, as a client that may get everything wrong sends it; {@code contentType} may be null. */
  HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
    return raw(method, path, contentType, null, body);
  }

  /** As {@link #raw(String, String, String, byte[])}, with {@code Authorization: Bearer} unless the token is null. */
  HttpResponse<String> raw(String method, String path, String contentType, String bearerToken, byte[] body) {
    return send(TestHttp.withBearer(
        TestHttp.request(method, uri(path), contentType, HttpRequest.BodyPublishers.ofByteArray(body)), bearerToken));
  }

  /** One sample of GET /metrics, by its name and labels as Prometheus' text format writes them. */
  double metric(String sample) {
    return TestHttp.metric(get("/metrics").body(), sample)
        .orElseThrow(() -> new AssertionError(sample + " is not in /metrics"));
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return http.send(request);
  }
}
