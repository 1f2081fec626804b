package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load generator against a real HTTP server on loopback that answers as each test needs. */
class OpenLoopLoadTest {

  static {
    // the JDK's server writes the head and the body of an answer apart; with Nagle's algorithm on, the
    // body then waits for the client's delayed ACK, 40 ms per answer
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer server;

  private static final int CLOCK_TICKS_PER_SECOND = 100;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void sendsAtTheRateAskedForAndTimesEveryAnswer() throws Exception {
    URI target = serve(request -> 200, 0);

    LoadStep step = load(target, 200, 4).run(null);

    assertEquals(400, step.requests(), 1, "2 s measured at 200/s");
    assertEquals(0, step.errors());
    assertTrue(step.achieved() > 180 && step.achieved() < 210, "achieved " + step.achieved());
    assertTrue(step.p50() < 50, "an idle server answers at once, p50 " + step.p50());
  }

  @Test
  void aStallShowsInEveryRequestThatWasDueDuringIt() throws Exception {
    int stallMillis = 500;
    int stalledRequest = 100;
    URI target = serve(request -> 200, stalledRequest, stallMillis);

    // one connection: a closed-loop client would send nothing during the stall and see one slow answer
    LoadStep step = load(target, 100, 1).run(null);

    // at 100/s, about 50 requests fall due during the stall, 1 in 6 of the measured ones: each waits
    // from its due time, so the slowest percent waited most of the stall
    assertTrue(step.p99() >= stallMillis * 0.8, "p99 " + step.p99() + " ms");
    assertTrue(step.p50() < stallMillis / 10.0, "p50 " + step.p50() + " ms");
  }

  @Test
  void fallbackAnswersAreTimedAndCounted() throws Exception {
    URI target = serve(request -> 200, 0, 0, "{\"fallback\":true,\"items\":[]}");

    LoadStep step = load(target, 100, 2).run(null);

    assertEquals(step.requests(), step.fallbacks());
    assertEquals(0, step.errors());
    assertEquals(100.0, step.fallbackPercent());
  }

  @Test
  void answersOtherThan2xxAreCountedAsErrorsNotTimed() throws Exception {
    URI target = serve(request -> 503, 0);

    LoadStep step = load(target, 100, 2).run(null);

    assertEquals(step.requests(), step.errors());
  }

  @Test
  void theNamedProcessesCpuTimeIsReportedPerAnsweredDecision() throws Exception {
    // the server runs in this JVM, so its work shows in this process's CPU time
    URI target = serve(request -> 200, 0);
    DesignCpu thisProcess = DesignCpu.parse("here=" + ProcessHandle.current().pid());

    LoadStep step = load(target, 200, 4).run(thisProcess);

    assertTrue(step.cpuMillisPerDecision() > 0 && step.cpuMillisPerDecision() < 50,
        "CPU per decision " + step.cpuMillisPerDecision() + " ms");
    assertTrue(step.contextSwitchesPerDecision() > 0, "context switches per decision " + step.contextSwitchesPerDecision());
    assertTrue(step.cpu().machineBusy() > 0 && step.cpu().machineBusy() <= 1, "machine busy " + step.cpu().machineBusy());
  }

  @Test
  void aStepAtRateZeroSendsNothingAndMeasuresTheDesignOverItsDuration() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    URI target = serve(request -> requests.incrementAndGet() > 0 ? 200 : 500, 0);
    DesignCpu thisProcess = DesignCpu.parse("here=" + ProcessHandle.current().pid());

    LoadStep step = load(target, 0, 4).run(thisProcess);

    assertEquals(0, requests.get());
    assertTrue(step.isIdle());
    assertEquals(0, step.requests());
    assertEquals(2.0, step.cpu().seconds(), 0.2, "the measured duration, after the warm-up");
    assertTrue(step.cpu().cores() >= 0 && !Double.isNaN(step.contextSwitchesPerSecond()), step.toString());
  }

  @Test
  void aDesignThatAnswersSlowerThanTheRateIsSaturated() throws Exception {
    // one connection, 20 ms an answer: at most 50 of the 100/s asked for
    URI target = serveSlowly(20);

    LoadStep step = load(target, 100, 1).run(null);

    assertTrue(step.saturated(), "achieved " + step.achieved());
    assertTrue(step.achieved() < 60, "achieved " + step.achieved());
  }

  @Test
  void aDesignThatKeepsUpIsNotSaturated() throws Exception {
    URI target = serve(request -> 200, 0);

    assertFalse(load(target, 100, 2).run(null).saturated());
  }

  @Test
  void latenciesFarBeyondAMinuteAreRecordedAsTheyAre() {
    Histogram latencies = OpenLoopLoad.latencyHistogram();
    long twoHours = TimeUnit.HOURS.toMicros(2);

    latencies.recordValue(twoHours);

    assertEquals(twoHours, latencies.getMaxValue(), twoHours / 1000.0, "three significant digits");
  }

  @Test
  void withoutNamedProcessesOnlyTheMachineIsMeasured() throws Exception {
    URI target = serve(request -> 200, 0);

    LoadStep step = load(target, 100, 2).run(null);

    assertTrue(Double.isNaN(step.cpuMillisPerDecision()));
    assertTrue(Double.isNaN(step.contextSwitchesPerDecision()));
    assertTrue(step.cpu().machineBusy() > 0 && step.cpu().machineBusy() <= 1, "machine busy " + step.cpu().machineBusy());
  }

  private OpenLoopLoad load(URI target, int rate, int connections) {
    OpenLoopLoad.Settings settings = new OpenLoopLoad.Settings(
        target, rate, Duration.ofSeconds(1), Duration.ofSeconds(2), connections, Duration.ofSeconds(5),
        CLOCK_TICKS_PER_SECOND);
    return new OpenLoopLoad(settings, new DecisionRequests(target, 100, 10, 16, 1));
  }

  /** A server that takes {@code millis} over every answer. */
  private URI serveSlowly(int millis) throws IOException {
    byte[] answer = "{\"fallback\":false,\"items\":[]}".getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> answer(exchange, 200, answer, millis));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private URI serve(IntUnaryOperator status, int stalledRequest) throws IOException {
    return serve(status, stalledRequest, 0);
  }

  private URI serve(IntUnaryOperator status, int stalled, int stallMillis) throws IOException {
    return serve(status, stalled, stallMillis, "{\"fallback\":false,\"items\":[]}");
  }

  /**
   * A server that answers every request with {@code status} and {@code body}, and request number
   * {@code stalled} after a pause.
   */
  private URI serve(IntUnaryOperator status, int stalled, int stallMillis, String body) throws IOException {
    AtomicInteger count = new AtomicInteger();
    byte[] answer = body.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> answer(exchange, status.applyAsInt(count.get()), answer,
        count.incrementAndGet() == stalled ? stallMillis : 0));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(HttpExchange exchange, int status, byte[] answer, int pauseMillis) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (pauseMillis > 0) {
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(answer);
    }
  }
}
