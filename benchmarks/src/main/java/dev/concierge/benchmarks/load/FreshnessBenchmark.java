package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.HdrHistogram.Histogram;

/** The freshness probe as a command: one run over every target, a table of percentiles and ratios. */
public final class FreshnessBenchmark {

  private static final Set<String> OPTIONS = Set.of(
      "bootstrap", "topic", "target", "samples", "probe-customers", "interval", "poll-interval", "timeout", "out",
      "run-tag");
  private static final double MICROS_PER_MILLI = 1_000.0;

  private static final String USAGE = String.join("\n",
      "usage: FreshnessBenchmark --bootstrap HOST:PORT --target NAME=URL [--target NAME=URL ...] [options]",
      "",
      "Produces view events for probe customers (probe-<tag>-<n>, which get nothing else) into the events",
      "topic, one every --interval, and polls each target's GET /v1/customers/{id}/features until the",
      "customer's event counts include the event. Freshness is the time from handing the event to the",
      "producer until the features show it. Each probe customer's first event is a warm-up, not counted.",
      "",
      "  --bootstrap HOST:PORT  Kafka",
      "  --topic T              the events topic (default customer-events)",
      "  --target NAME=URL      a system under test that consumes the topic; the first is the baseline of ratios",
      "  --samples N            measured events (default 1000)",
      "  --probe-customers N    customers the probe events take turns on (default 50)",
      "  --interval D           between two probe events (default 50ms)",
      "  --poll-interval D      between two polls of one target (default 2ms); the resolution",
      "  --timeout D            an event not seen by then is counted as missed (default 10s)",
      "  --run-tag T            in the probe customers' ids (default: the current time), so runs do not mix",
      "  --out DIR              where freshness.md goes (default benchmarks/target/bench)");

  private FreshnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    CommandLine line = CommandLine.ofTool("FreshnessBenchmark", USAGE, args, OPTIONS);
    List<Target> targets = line.all("target").stream().map(Target::parse).toList();
    String bootstrap = line.text("bootstrap", "");
    if (targets.isEmpty() || bootstrap.isEmpty()) {
      CommandLine.exitWithUsage("FreshnessBenchmark", "--bootstrap and at least one --target are needed", USAGE);
    }
    FreshnessProbe.Settings settings = new FreshnessProbe.Settings(bootstrap, line.text("topic", "customer-events"),
        targets, line.positive("samples", 1000), line.positive("probe-customers", 50),
        line.duration("interval", "50ms"), line.duration("poll-interval", "2ms"), line.duration("timeout", "10s"),
        line.text("run-tag", Long.toString(System.currentTimeMillis())));
    System.err.printf(Locale.ROOT, "freshness: %d samples, one every %d ms, polled every %d ms%n",
        settings.samples(), settings.interval().toMillis(), settings.pollInterval().toMillis());
    FreshnessProbe.Result result = new FreshnessProbe(settings).run();
    String table = table(targets, result);
    Path out = Path.of(line.text("out", "benchmarks/target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("freshness.md"), table);
    System.out.println(table);
  }

  private static String table(List<Target> targets, FreshnessProbe.Result result) {
    StringBuilder md = new StringBuilder("| target | samples | missed | p50 (ms) | p99 (ms) | max (ms) | p50 ÷ first | p99 ÷ first |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    Histogram first = result.latencies().get(targets.get(0).name());
    for (Target target : targets) {
      Histogram h = result.latencies().get(target.name());
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.2f× | %.2f× |%n", target.name(),
          h.getTotalCount(), result.missed().get(target.name()), ms(h, 50), ms(h, 99), h.getMaxValue() / MICROS_PER_MILLI,
          ms(h, 50) / ms(first, 50), ms(h, 99) / ms(first, 99)));
    }
    return md.toString();
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
  }
}
