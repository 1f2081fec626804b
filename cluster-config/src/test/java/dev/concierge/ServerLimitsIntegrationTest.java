package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP server's limits on a real node: a model bundle is read up to its own limit past the API's
 * usual 1 MB, and refused with a 413 beyond it; the configured admin token is trimmed; and hundreds
 * of idle or trickling connections leave decisions answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerLimitsIntegrationTest {

  private static final int MEGABYTE = 1024 * 1024;
  private static final int MAX_BUNDLE_MEGABYTES = 6;
  // a token as a secret file often holds it: with a trailing newline
  private static final String PADDED_TOKEN = "  " + TestNode.ADMIN_TOKEN + "\n";
  private static final int IDLE_CONNECTIONS = 250;
  private static final int SLOW_CONNECTIONS = 250;
  private static final Duration TRICKLE_EVERY = Duration.ofMillis(500);
  private static final int DECISIONS = 200;
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

  private TestNode node;
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  void startNode() {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    TestNode.prepareTopics(namespace);
    node = TestNode.start(namespace, ConfigFactory.parseString(String.join("\n",
        "concierge.admin.max-bundle-size = " + MAX_BUNDLE_MEGABYTES + "m",
        "concierge.admin.token = \"" + PADDED_TOKEN.replace("\n", "\\n") + "\"")));
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aFiveMegabyteBundleIsReadWholePastTheApisBodyLimitAndJudgedByItsContent() throws Exception {
    HttpResponse<String> answer = node.admin("POST", "/admin/models", bytes(5 * MEGABYTE));

    assertEquals(400, answer.statusCode(), answer.body());
    assertEquals("invalid_bundle", error(answer), "the bundle was read and opened, not refused for its size");
  }

  /**
   * Sent over a raw socket with only its headers: the node must refuse by the declared length and answer at once.
   * A client that sends the whole body would race the answer and the closed connection, and could read neither.
   */
  @Test
  void aBundleDeclaredOverItsLimitIsA413BeforeItsBodyIsSent() throws Exception {
    int declared = (MAX_BUNDLE_MEGABYTES + 1) * MEGABYTE;
    try (Socket socket = connect()) {
      socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
      socket.getOutputStream().write(("POST /admin/models HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + TestNode.ADMIN_TOKEN + "\r\n"
          + "Content-Type: application/octet-stream\r\nContent-Length: " + declared + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));

      RawAnswer answer = RawAnswer.read(socket.getInputStream());

      assertEquals(413, answer.status(), answer.body());
      assertEquals("payload_too_large", mapper.readTree(answer.body()).path("error").asText());
    }
  }

  @Test
  void theConfiguredAdminTokenIsTrimmedSoTheTokenItselfIsAccepted() throws Exception {
    HttpResponse<String> answer = node.admin("GET", "/admin/models", HttpRequest.BodyPublishers.noBody());

    assertEquals(200, answer.statusCode(), answer.body());
  }

  @Test
  void fiveHundredIdleOrTricklingConnectionsLeaveDecisionsAnswered() throws Exception {
    List<Socket> held = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < IDLE_CONNECTIONS; i++) {
        held.add(connect());
      }
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < SLOW_CONNECTIONS; i++) {
        Socket socket = connect();
        socket.getOutputStream().write("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
      }
      held.addAll(slow);
      // a header a byte at a time, never finished
      trickle.scheduleAtFixedRate(() -> slow.forEach(ServerLimitsIntegrationTest::oneMoreByte),
          0, TRICKLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);

      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < DECISIONS; i++) {
        long start = System.nanoTime();
        HttpResponse<String> answer = node.post("/v1/decisions", "{\"customerId\":\"limits-c-" + i % 20 + "\"}");
        millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertEquals(200, answer.statusCode(), "decision " + i + " while " + held.size() + " connections are held: "
            + answer.body());
      }
      millis.sort(null);
      System.out.printf("decisions with %d idle and %d trickling connections held: p50 %d ms, max %d ms%n",
          IDLE_CONNECTIONS, SLOW_CONNECTIONS, millis.get(millis.size() / 2), millis.get(millis.size() - 1));
      assertEquals(200, node.get("/health/ready").statusCode());
    } finally {
      trickle.shutdownNow();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", node.http().uri("/").getPort()));
    return socket;
  }

  private static void oneMoreByte(Socket socket) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write('X');
      out.flush();
    } catch (IOException closedByTheServer) {
      // the server may close a trickling connection; that is its right
    }
  }

  /** An HTTP/1.1 answer read off a socket: its status and its body, which must come with a Content-Length. */
  private record RawAnswer(int status, String body) {

    static RawAnswer read(InputStream raw) throws IOException {
      DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
      String statusLine = line(in);
      int length = -1;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        if (header.regionMatches(true, 0, "Content-Length:", 0, "Content-Length:".length())) {
          length = Integer.parseInt(header.substring("Content-Length:".length()).trim());
        }
      }
      assertTrue(length >= 0, "an answer with a Content-Length, got: " + statusLine);
      byte[] body = new byte[length];
      in.readFully(body);
      return new RawAnswer(Integer.parseInt(statusLine.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("the connection closed after: " + line);
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }

  private static HttpRequest.BodyPublisher bytes(int size) {
    byte[] body = new byte[size];
    new Random(size).nextBytes(body);
    return HttpRequest.BodyPublishers.ofByteArray(body);
  }

  private String error(HttpResponse<String> answer) throws IOException {
    JsonNode body = mapper.readTree(answer.body());
    return body.path("error").asText();
  }
}
