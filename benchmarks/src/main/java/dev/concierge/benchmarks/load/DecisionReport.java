package dev.concierge.benchmarks.load;

import dev.concierge.offline.report.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The decision benchmark's tables and plot: per target and rate, the medians over the runs (with
 * min–max), and each target's p99 against the first target's, as the median of the per-run ratios.
 */
final class DecisionReport {

  /** One step of one run against one target. */
  record Measured(int run, String target, LoadStep step) {}

  private static final String MILLIS = "%.2f";
  private static final String RATIO = "%.2f×";

  private final List<String> targets;
  private final List<Integer> rates;
  private final List<Measured> measured;

  DecisionReport(List<String> targets, List<Integer> rates, List<Measured> measured) {
    this.targets = targets;
    this.rates = rates;
    this.measured = measured;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| rate (/s) | target | achieved (/s) | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | fallback (%) | errors"
        + " | CPU per decision (ms) | machine busy (%) |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int rate : rates) {
      for (String target : targets) {
        md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", rate, target,
            spread(target, rate, LoadStep::achieved).format("%,.0f"),
            spread(target, rate, LoadStep::p50).format(MILLIS),
            spread(target, rate, LoadStep::p99).format(MILLIS),
            spread(target, rate, LoadStep::p999).format(MILLIS),
            spread(target, rate, LoadStep::max).format(MILLIS),
            spread(target, rate, LoadStep::fallbackPercent).format("%.1f"),
            spread(target, rate, step -> step.errors()).format("%.0f"),
            spread(target, rate, LoadStep::cpuMillisPerDecision).format("%.2f"),
            spread(target, rate, LoadStep::machineBusyPercent).format("%.0f")));
      }
    }
    if (targets.size() > 1) {
      String base = targets.get(0);
      md.append("\n| rate (/s) |");
      targets.subList(1, targets.size()).forEach(t -> md.append(" p99 ").append(t).append(" ÷ ").append(base).append(" |"));
      targets.subList(1, targets.size()).forEach(t -> md.append(" p50 ").append(t).append(" ÷ ").append(base).append(" |"));
      md.append("\n|---:|").append("---:|".repeat(2 * (targets.size() - 1))).append('\n');
      for (int rate : rates) {
        md.append(String.format(Locale.ROOT, "| %,d |", rate));
        for (String target : targets.subList(1, targets.size())) {
          md.append(' ').append(ratio(target, base, rate, LoadStep::p99).format(RATIO)).append(" |");
        }
        for (String target : targets.subList(1, targets.size())) {
          md.append(' ').append(ratio(target, base, rate, LoadStep::p50).format(RATIO)).append(" |");
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  /** The report of an earlier run from its {@link #csv()}: targets and rates in the order they first appear. */
  static DecisionReport fromCsv(String csv) {
    List<Measured> measured = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    List<Integer> rates = new ArrayList<>();
    csv.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
      String[] f = line.split(",");
      String target = f[1];
      int rate = Integer.parseInt(f[2]);
      measured.add(new Measured(Integer.parseInt(f[0]), target, new LoadStep(rate, Double.parseDouble(f[3]),
          Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[7]),
          Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
          Double.parseDouble(f[12]))));
      if (!targets.contains(target)) {
        targets.add(target);
      }
      if (!rates.contains(rate)) {
        rates.add(rate);
      }
    });
    return new DecisionReport(targets, rates, measured);
  }

  /** Every step as a row, for plotting or checking elsewhere. */
  String csv() {
    StringBuilder csv = new StringBuilder("run,target,rate,achieved,requests,errors,fallbacks,p50_ms,p99_ms,p999_ms,max_ms,cpu_ms_per_decision,machine_busy\n");
    for (Measured m : measured) {
      LoadStep s = m.step();
      csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.1f,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.4f,%.3f%n", m.run(), m.target(),
          s.rate(), s.achieved(), s.requests(), s.errors(), s.fallbacks(), s.p50(), s.p99(), s.p999(), s.max(),
          s.cpuMillisPerDecision(), s.machineBusy()));
    }
    return csv.toString();
  }

  /** p99 and p50 (medians over the runs) against the rate asked for, one line per target and percentile. */
  String svg() {
    List<LineChart.Tick> ticks = rates.stream()
        .map(rate -> new LineChart.Tick(rate, String.format(Locale.ROOT, "%,d", rate))).toList();
    List<LineChart.Series> series = new ArrayList<>();
    for (String target : targets) {
      series.add(line(target + " p99", target, LoadStep::p99));
    }
    for (String target : targets) {
      series.add(line(target + " p50", target, LoadStep::p50));
    }
    // logarithmic: below saturation latencies are milliseconds, beyond it seconds
    return new LineChart("Decision latency against rate (open loop, medians of runs)", "decisions per second",
        "latency (ms, log scale)", ticks, value -> String.format(Locale.ROOT, "%,.0f", value))
        .withLogarithmicY()
        .svg(series);
  }

  private LineChart.Series line(String name, String target, ToDoubleFunction<LoadStep> metric) {
    List<LineChart.Point> points = new ArrayList<>();
    for (int rate : rates) {
      Spread spread = spread(target, rate, metric);
      points.add(new LineChart.Point(rate, spread.median(),
          String.format(Locale.ROOT, "%,d/s: %s ms", rate, spread.format(MILLIS))));
    }
    return new LineChart.Series(name, points);
  }

  private Spread spread(String target, int rate, ToDoubleFunction<LoadStep> metric) {
    return Spread.of(steps(target, rate).stream().map(m -> metric.applyAsDouble(m.step())).toList());
  }

  /** The median of the per-run ratios {@code target ÷ base}, both measured in the same run. */
  private Spread ratio(String target, String base, int rate, ToDoubleFunction<LoadStep> metric) {
    List<Double> ratios = new ArrayList<>();
    for (Measured m : steps(target, rate)) {
      steps(base, rate).stream().filter(b -> b.run() == m.run()).findFirst().ifPresent(b ->
          ratios.add(metric.applyAsDouble(m.step()) / metric.applyAsDouble(b.step())));
    }
    return Spread.of(ratios);
  }

  private List<Measured> steps(String target, int rate) {
    return measured.stream().filter(m -> m.target().equals(target) && m.step().rate() == rate).toList();
  }
}
