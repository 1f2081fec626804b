package dev.concierge.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Decisions at a constant rate, open loop: request n is due at {@code start + n / rate}, whatever
 * happened to the requests before it, and its latency counts from that due time, not from when a
 * connection was free to send it. A server that stalls therefore shows its stall in every request
 * that waited behind it (no coordinated omission), as a shopper would feel it.
 *
 * <p>Connections are workers: each takes the next due request, waits for its time, sends it and
 * reads the answer. With {@code connections} of them, at most that many requests are in flight.
 */
final class OpenLoopLoad {

  /** How an answer says it is the fallback (popular items, not personal): counted, as a degraded answer. */
  private static final byte[] FALLBACK = "\"fallback\":true".getBytes(StandardCharsets.US_ASCII);
  /**
   * Latencies to three significant digits, in histograms that grow to hold any value: a saturated step's latencies
   * grow with its backlog, and a ceiling would clip exactly those.
   */
  private static final int SIGNIFICANT_DIGITS = 3;
  /** Time for the workers to start before the first request is due. */
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  record Settings(
      URI target, int rate, Duration warmup, Duration duration, int connections, Duration timeout,
      int clockTicksPerSecond) {}

  private final Settings settings;
  private final DecisionRequests requests;

  OpenLoopLoad(Settings settings, DecisionRequests requests) {
    this.settings = settings;
    this.requests = requests;
  }

  /**
   * @param cpu the design's processes, whose CPU time over the measured part of the step is reported per
   *     decision; or {@code null}, to leave it out
   */
  LoadStep run(DesignCpu cpu) throws InterruptedException {
    if (settings.rate() == 0) {
      return idle(cpu);
    }
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / settings.rate();
    long warmupRequests = settings.warmup().toNanos() / intervalNanos;
    long total = warmupRequests + settings.duration().toNanos() / intervalNanos;
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime() + START_DELAY_NANOS;
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < settings.connections(); i++) {
      Worker worker = new Worker(next, start, intervalNanos, warmupRequests, total);
      workers.add(worker);
      worker.thread.start();
    }
    long measureStart = start + warmupRequests * intervalNanos;
    for (long wait = measureStart - System.nanoTime(); wait > 0; wait = measureStart - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
    CpuWindow window = CpuWindow.open(cpu, settings.clockTicksPerSecond());
    Histogram latencies = latencyHistogram();
    long measured = 0;
    long errors = 0;
    long fallbacks = 0;
    long lastAnswer = start;
    for (Worker worker : workers) {
      worker.thread.join();
      latencies.add(worker.latencies);
      measured += worker.measured;
      errors += worker.errors;
      fallbacks += worker.fallbacks;
      lastAnswer = Math.max(lastAnswer, worker.lastAnswer);
    }
    double seconds = (lastAnswer - measureStart) / 1e9;
    return LoadStep.of(settings.rate(), measured / seconds, measured, errors, fallbacks, latencies, window.close());
  }

  /** Microseconds, with no highest value: the histogram grows to hold whatever it records. */
  static Histogram latencyHistogram() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  /** Rate 0: the warm-up and the measured time pass without a request, the design's background work alone. */
  private LoadStep idle(DesignCpu cpu) throws InterruptedException {
    Thread.sleep(settings.warmup().toMillis());
    CpuWindow window = CpuWindow.open(cpu, settings.clockTicksPerSecond());
    Thread.sleep(settings.duration().toMillis());
    return LoadStep.idle(window.close());
  }

  private enum Answer { PERSONAL, FALLBACK, FAILED }

  private final class Worker {
    final Thread thread;
    final Histogram latencies = latencyHistogram();
    long measured;
    long errors;
    long fallbacks;
    long lastAnswer;
    private HttpConnection connection;

    Worker(AtomicLong next, long start, long intervalNanos, long warmupRequests, long total) {
      thread = new Thread(() -> loop(next, start, intervalNanos, warmupRequests, total), "load-" + settings.rate());
      thread.setDaemon(true);
    }

    private void loop(AtomicLong next, long start, long intervalNanos, long warmupRequests, long total) {
      for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
        long due = start + n * intervalNanos;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        Answer answer = send(requests.get(n));
        long answered = System.nanoTime();
        if (n >= warmupRequests) {
          measured++;
          lastAnswer = answered;
          if (answer == Answer.FAILED) {
            errors++;
          } else {
            latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(answered - due));
            fallbacks += answer == Answer.FALLBACK ? 1 : 0;
          }
        }
      }
      closeQuietly();
    }

    /** A failed connection is replaced before the next request. */
    private Answer send(byte[] request) {
      try {
        if (connection == null) {
          connection = new HttpConnection(settings.target(), (int) settings.timeout().toMillis());
        }
        int status = connection.exchange(request);
        Answer answer = status < 200 || status >= 300 ? Answer.FAILED
            : connection.bodyContains(FALLBACK) ? Answer.FALLBACK : Answer.PERSONAL;
        if (!connection.reusable()) {
          closeQuietly();
        }
        return answer;
      } catch (IOException e) {
        closeQuietly();
        return Answer.FAILED;
      }
    }

    private void closeQuietly() {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }
}
