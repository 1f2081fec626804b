package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.TypeConversionException;

/**
 * One run of an admin command: the global options every command shares ({@code --url},
 * {@code --token}, {@code --json}), the environment, and where its output goes.
 */
final class AdminSession {

  /** How long a node of the default list has to accept a connection before the next one is tried. */
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
  private static final int DEFAULT_HTTPS_PORT = 443;
  private static final int DEFAULT_HTTP_PORT = 80;

  private final Optional<URI> url;
  private final Optional<String> token;
  private final boolean json;
  private final AdminEnvironment environment;
  private final PrintStream out;
  private final PrintStream err;
  private final ObjectMapper mapper = new ObjectMapper();

  AdminSession(Optional<URI> url, Optional<String> token, boolean json, AdminEnvironment environment,
      PrintStream out, PrintStream err) {
    this.url = url;
    this.token = token;
    this.json = json;
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  AdminEnvironment environment() {
    return environment;
  }

  Optional<String> tokenOption() {
    return token;
  }

  /** The node the command talks to: --url, else the first default node that accepts a connection. */
  AdminClient client() {
    return clientAt(url.orElseGet(() -> firstAnswering(environment.defaultUrls())));
  }

  AdminClient clientAt(URI at) {
    return new AdminClient(at, AdminToken.resolve(token, environment), mapper);
  }

  /** With --json the answer as the server sent it, else what {@code human} makes of it. */
  void print(AdminResponse response, Consumer<JsonNode> human) {
    if (json) {
      out.println(response.text().strip());
    } else {
      human.accept(response.body());
    }
  }

  /** An http:// or https:// URL, without a trailing slash. */
  static URI url(String text) {
    try {
      URI parsed = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) && parsed.getHost() != null) {
        return parsed;
      }
    } catch (URISyntaxException e) {
      // reported below, with the value
    }
    throw new TypeConversionException("must be an http:// or https:// URL such as http://HOST:PORT, was '"
        + text + "'");
  }

  /** The first of {@code urls} that accepts a TCP connection; the first of all when none does (its error says so). */
  private static URI firstAnswering(List<URI> urls) {
    return urls.stream().filter(AdminSession::accepts).findFirst().orElse(urls.get(0));
  }

  private static boolean accepts(URI candidate) {
    int port = candidate.getPort() > 0 ? candidate.getPort()
        : "https".equals(candidate.getScheme()) ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(candidate.getHost(), port), (int) PROBE_TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
