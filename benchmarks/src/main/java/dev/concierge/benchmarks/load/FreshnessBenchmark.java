package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * The freshness probe as a command: runs over every target at once, a table of each target's medians over
 * the runs (min–max) and of the ratios to the first target within each run, then every run.
 */
public final class FreshnessBenchmark {

  private static final Set<String> OPTIONS = Set.of(
      "bootstrap", "topic", "target", "samples", "probe-customers", "interval", "poll-interval", "timeout", "out",
      "run-tag", "runs");
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
      "  --samples N            measured events per run (default 1000)",
      "  --runs N               runs, each with its own probe customers (default 3)",
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
    int runs = line.positive("runs", 3);
    String tag = line.text("run-tag", Long.toString(System.currentTimeMillis()));
    List<FreshnessProbe.Result> results = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      FreshnessProbe.Settings settings = new FreshnessProbe.Settings(bootstrap, line.text("topic", "customer-events"),
          targets, line.positive("samples", 1000), line.positive("probe-customers", 50),
          line.duration("interval", "50ms"), line.duration("poll-interval", "2ms"), line.duration("timeout", "10s"),
          tag + "r" + run);
      System.err.printf(Locale.ROOT, "freshness run %d/%d: %d samples, one every %d ms, polled every %d ms%n", run,
          runs, settings.samples(), settings.interval().toMillis(), settings.pollInterval().toMillis());
      results.add(new FreshnessProbe(settings).run());
    }
    String table = table(targets, results);
    Path out = Path.of(line.text("out", "benchmarks/target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("freshness.md"), table);
    System.out.println(table);
  }

  static String table(List<Target> targets, List<FreshnessProbe.Result> results) {
    String first = targets.get(0).name();
    StringBuilder md = new StringBuilder("| target | runs | samples per run | missed | p50 (ms) | p99 (ms) | max (ms)"
        + " | p50 ÷ " + first + " | p99 ÷ " + first + " |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Target target : targets) {
      String name = target.name();
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |%n", name, results.size(),
          spread(results, r -> r.latencies().get(name).getTotalCount()).format("%.0f"),
          spread(results, r -> r.missed().get(name)).format("%.0f"),
          spread(results, r -> ms(r.latencies().get(name), 50)).format("%.1f"),
          spread(results, r -> ms(r.latencies().get(name), 99)).format("%.1f"),
          spread(results, r -> r.latencies().get(name).getMaxValue() / MICROS_PER_MILLI).format("%.1f"),
          spread(results, r -> ms(r.latencies().get(name), 50) / ms(r.latencies().get(first), 50)).format("%.2f×"),
          spread(results, r -> ms(r.latencies().get(name), 99) / ms(r.latencies().get(first), 99)).format("%.2f×")));
    }
    md.append("\n| run | target | samples | missed | p50 (ms) | p99 (ms) | max (ms) |\n|---:|---|---:|---:|---:|---:|---:|\n");
    for (int run = 0; run < results.size(); run++) {
      for (Target target : targets) {
        Histogram h = results.get(run).latencies().get(target.name());
        md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.1f | %.1f | %.1f |%n", run + 1, target.name(),
            h.getTotalCount(), results.get(run).missed().get(target.name()), ms(h, 50), ms(h, 99),
            h.getMaxValue() / MICROS_PER_MILLI));
      }
    }
    return md.toString();
  }

  private static Spread spread(List<FreshnessProbe.Result> results, ToDoubleFunction<FreshnessProbe.Result> metric) {
    return Spread.of(results.stream().map(metric::applyAsDouble).toList());
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
  }
}
