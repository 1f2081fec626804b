package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The admin API of one node, over HTTP with the bearer token. Answers of 4xx/5xx, refused
 * connections and timeouts all become an {@link AdminApiException} whose message says what to do.
 */
final class AdminClient {

  /** Reads answer at once; anything slower means the node is in trouble. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  /** Moves, drains and publishing wait on the server, which gives up first and answers 202 or 503. */
  static final Duration SERVER_WAIT_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final String JSON = "application/json";
  private static final int FIRST_ERROR_STATUS = 400;
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;

  private final HttpClient http;
  private final URI base;
  private final AdminToken token;
  private final ObjectMapper mapper;

  AdminClient(URI base, AdminToken token, ObjectMapper mapper) {
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    this.base = base;
    this.token = token;
    this.mapper = mapper;
  }

  URI base() {
    return base;
  }

  AdminResponse get(String path) {
    return join(sendAsync("GET", path, BodyPublishers.noBody(), JSON, READ_TIMEOUT));
  }

  AdminResponse postJson(String path, JsonNode body, Duration timeout) {
    return join(postJsonAsync(path, body, timeout));
  }

  CompletableFuture<AdminResponse> postJsonAsync(String path, JsonNode body, Duration timeout) {
    return sendAsync("POST", path, BodyPublishers.ofString(body.toString()), JSON, timeout);
  }

  AdminResponse putJson(String path, JsonNode body) {
    return join(sendAsync("PUT", path, BodyPublishers.ofString(body.toString()), JSON, READ_TIMEOUT));
  }

  AdminResponse putBytes(String path, byte[] body, String contentType) {
    return join(sendAsync("PUT", path, BodyPublishers.ofByteArray(body), contentType, READ_TIMEOUT));
  }

  AdminResponse postBytes(String path, byte[] body, String contentType) {
    return join(sendAsync("POST", path, BodyPublishers.ofByteArray(body), contentType, SERVER_WAIT_TIMEOUT));
  }

  /** The result of a request started with an {@code ...Async} method, its failure unwrapped. */
  static AdminResponse join(CompletableFuture<AdminResponse> pending) {
    try {
      return pending.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof AdminApiException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private CompletableFuture<AdminResponse> sendAsync(
      String method, String path, BodyPublisher body, String contentType, Duration timeout) {
    URI uri = base.resolve(path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method, body)
            .timeout(timeout)
            .header("Authorization", "Bearer " + token.value())
            .header("Content-Type", contentType)
            .header("Accept", JSON)
            .build();
    String call = method + " " + uri;
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> {
          if (failure != null) {
            throw unanswered(call, timeout, failure);
          }
          return answered(call, response);
        });
  }

  private AdminResponse answered(String call, HttpResponse<String> response) {
    JsonNode body = parse(response.body());
    if (response.statusCode() < FIRST_ERROR_STATUS) {
      return new AdminResponse(response.statusCode(), body, response.body());
    }
    String message = body.path("message").asText(response.body().strip());
    String code = body.path("error").asText("");
    throw new AdminApiException(
        message + hint(response.statusCode()) + " (HTTP " + response.statusCode() + (code.isEmpty() ? "" : " " + code) + " from " + call + ")",
        response.statusCode());
  }

  /** For a refused token, where this command took it from: the operator's likeliest mistake is a stale one. */
  private String hint(int status) {
    return switch (status) {
      case UNAUTHORIZED -> "; the token came from " + token.source() + ": use the one the nodes were started with";
      case FORBIDDEN -> "; the token sent came from " + token.source() + " (this command takes --token first, then "
          + AdminEnvironment.TOKEN_VARIABLE + ", then the launcher's token file)";
      default -> "";
    };
  }

  private JsonNode parse(String text) {
    try {
      return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
    } catch (IOException e) {
      // an error page from a proxy, say: its text still goes into the message
      return mapper.createObjectNode();
    }
  }

  private AdminApiException unanswered(String call, Duration timeout, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof ConnectException) {
      return new AdminApiException("cannot connect to " + base + " (connection refused): is the node running? See"
          + " bin/concierge cluster status, or point --url (or " + AdminEnvironment.URL_VARIABLE + ") at a running"
          + " node", cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new AdminApiException("cannot connect to " + base + " within " + CONNECT_TIMEOUT.toSeconds() + "s", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new AdminApiException("no answer to " + call + " within " + timeout.toSeconds() + "s", cause);
    }
    return new AdminApiException(call + " failed: " + cause, cause);
  }
}
