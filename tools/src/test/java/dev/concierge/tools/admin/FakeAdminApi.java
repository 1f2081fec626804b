package dev.concierge.tools.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A stand-in for a node's admin API on a free port: answers each {@code METHOD path} with the
 * answers given for it, in turn (the last one again and again), and records every request.
 */
final class FakeAdminApi implements AutoCloseable {

  record Request(String method, String path, String authorization, String contentType, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Answer(int status, String json) {}

  private static final int NOT_FOUND = 404;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile Consumer<Request> listener = request -> {};

  private FakeAdminApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // a drain request waits while the CLI polls the members, as on a real node
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeAdminApi start() throws IOException {
    return new FakeAdminApi();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  FakeAdminApi answer(String method, String path, int status, String json) {
    answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(new Answer(status, json));
    return this;
  }

  /** {@code listener} sees each request before it is answered (a drained node's process exits, say). */
  FakeAdminApi onRequest(Consumer<Request> listener) {
    this.listener = listener;
    return this;
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<Request> requests(String method, String path) {
    return requests().stream().filter(request -> request.method().equals(method) && request.path().equals(path))
        .toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Request request = new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes());
    requests.add(request);
    listener.accept(request);
    Deque<Answer> queue = answers.get(method + " " + path);
    Answer answer;
    if (queue == null) {
      answer = new Answer(NOT_FOUND, "{\"error\":\"not_found\",\"message\":\"no route " + path + "\"}");
    } else {
      synchronized (queue) {
        answer = queue.size() > 1 ? queue.poll() : queue.peek();
      }
    }
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
