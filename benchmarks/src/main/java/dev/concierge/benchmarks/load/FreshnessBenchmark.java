package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The freshness probe as a command: runs over every target at once, a table of each target's medians over
 * the runs (min–max) and of the ratios to the first target within each run, then every run.
 */
@Command(name = "FreshnessBenchmark", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false,
    description = {
        "Produces view events for probe customers (probe-<tag>-<n>, which get nothing else) into the events topic,"
            + " one every --interval, and polls each target's GET /v1/customers/{id}/features until the customer's"
            + " event counts include the event. Freshness is the time from handing the event to the producer until"
            + " the features show it. Each probe customer's first event is a warm-up, not counted.",
        ""})
public final class FreshnessBenchmark implements Callable<Integer> {

  private static final double MICROS_PER_MILLI = 1_000.0;

  @Mixin
  private EventsTopic kafka;

  @Mixin
  private ServerKeyOption serverKey;

  @Option(names = "--target", paramLabel = "NAME=URL", required = true, converter = Target.Converter.class,
      description = "a system under test that consumes the topic, repeated for each; the first is the baseline of"
          + " ratios")
  private List<Target> targets;

  @Option(names = "--samples", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "1000",
      description = "measured events per run (default ${DEFAULT-VALUE})")
  private int samples;

  @Option(names = "--runs", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "3",
      description = "runs, each with its own probe customers (default ${DEFAULT-VALUE})")
  private int runs;

  @Option(names = "--probe-customers", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "50",
      description = "customers the probe events take turns on (default ${DEFAULT-VALUE})")
  private int probeCustomers;

  @Option(names = "--interval", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "50ms",
      description = "between two probe events (default ${DEFAULT-VALUE})")
  private Duration interval;

  @Option(names = "--poll-interval", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "2ms",
      description = "between two polls of one target (default ${DEFAULT-VALUE}); the resolution")
  private Duration pollInterval;

  @Option(names = "--timeout", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "10s",
      description = "an event not seen by then is counted as missed (default ${DEFAULT-VALUE})")
  private Duration timeout;

  @Option(names = "--run-tag", paramLabel = "T",
      description = "in the probe customers' ids, so that runs do not mix (default: the current time)")
  private String runTag = Long.toString(System.currentTimeMillis());

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "benchmarks/target/bench",
      description = "where freshness.md goes (default ${DEFAULT-VALUE})")
  private Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new FreshnessBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<FreshnessProbe.Result> results = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      FreshnessProbe.Settings settings = settings(run);
      System.err.printf(Locale.ROOT, "freshness run %d/%d: %d samples, one every %d ms, polled every %d ms%n", run,
          runs, settings.samples(), settings.interval().toMillis(), settings.pollInterval().toMillis());
      results.add(new FreshnessProbe(settings).run());
    }
    String table = table(targets, results);
    Files.createDirectories(out);
    Files.writeString(out.resolve("freshness.md"), table);
    System.out.println(table);
    return 0;
  }

  /** The probe's settings in run {@code run}, from 1: each run has probe customers of its own. */
  FreshnessProbe.Settings settings(int run) {
    return new FreshnessProbe.Settings(kafka.bootstrap, kafka.topic, targets, samples, probeCustomers, interval,
        pollInterval, timeout, runTag + "r" + run, serverKey.key());
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
