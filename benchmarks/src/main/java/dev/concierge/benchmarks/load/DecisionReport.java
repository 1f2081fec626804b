package dev.concierge.benchmarks.load;

import dev.concierge.offline.report.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The decision benchmark's tables and plot: per target and rate, the medians over the runs (with
 * min–max), and each target's p99 against the first target's, as the median of the per-run ratios. A step at
 * rate 0 is the design's idle cost (the background events alone): it has a table of its own, and each loaded
 * step's marginal CPU per decision subtracts the idle step of the same run.
 */
final class DecisionReport {

  /** One step of one run against one target. */
  record Measured(int run, String target, LoadStep step) {}

  private static final String MILLIS = "%.2f";
  private static final String RATIO = "%.2f×";
  private static final String NOT_MEASURED = "–";
  private static final String CSV_HEADER = "run,target,rate,achieved,requests,errors,fallbacks,p50_ms,p99_ms,p999_ms,"
      + "max_ms,cpu_ms,cpu_seconds,context_switches,machine_busy,cpu_ms_per_decision,marginal_cpu_ms_per_decision,"
      + "context_switches_per_decision,saturated";

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
    md.append("| rate (/s) | target | achieved (/s) | saturated | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | fallback (%)"
        + " | errors | CPU per decision (ms) | marginal CPU per decision (ms) | context switches per decision"
        + " | machine busy (%) |\n");
    md.append("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int rate : loadRates()) {
      for (String target : targets) {
        md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            rate, target,
            cell(target, rate, LoadStep::achieved, "%,.0f"),
            saturation(target, rate),
            cell(target, rate, LoadStep::p50, MILLIS),
            cell(target, rate, LoadStep::p99, MILLIS),
            cell(target, rate, LoadStep::p999, MILLIS),
            cell(target, rate, LoadStep::max, MILLIS),
            cell(target, rate, LoadStep::fallbackPercent, "%.1f"),
            cell(target, rate, step -> step.errors(), "%.0f"),
            cell(target, rate, LoadStep::cpuMillisPerDecision, "%.3f"),
            cell(marginalCpu(target, rate), "%.3f"),
            cell(target, rate, LoadStep::contextSwitchesPerDecision, "%.1f"),
            cell(target, rate, LoadStep::machineBusyPercent, "%.0f")));
      }
    }
    md.append("\nSaturated: answered below ").append(Math.round(LoadStep.SATURATED_BELOW * 100))
        .append(" % of the rate asked for (the achieved rate counts until the last answer, so a growing backlog lowers"
            + " it); a saturated step's latencies measure its queue. Marginal CPU per decision: the design's CPU over"
            + " the step less its idle cores (the 0/s step of the same run) over as long, per decision answered.\n");
    if (rates.contains(0)) {
      md.append("\n| idle (0 decisions/s, background events only) | CPU (cores) | context switches (/s) | machine busy (%) |\n");
      md.append("|---|---:|---:|---:|\n");
      for (String target : targets) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", target,
            cell(target, 0, step -> step.cpu().cores(), "%.3f"),
            cell(target, 0, LoadStep::contextSwitchesPerSecond, "%,.0f"),
            cell(target, 0, LoadStep::machineBusyPercent, "%.0f")));
      }
    }
    if (targets.size() > 1) {
      String base = targets.get(0);
      md.append("\n| rate (/s) |");
      targets.subList(1, targets.size()).forEach(t -> md.append(" p99 ").append(t).append(" ÷ ").append(base).append(" |"));
      targets.subList(1, targets.size()).forEach(t -> md.append(" p50 ").append(t).append(" ÷ ").append(base).append(" |"));
      md.append("\n|---:|").append("---:|".repeat(2 * (targets.size() - 1))).append('\n');
      for (int rate : loadRates()) {
        md.append(String.format(Locale.ROOT, "| %,d |", rate));
        for (String target : targets.subList(1, targets.size())) {
          md.append(' ').append(cell(ratio(target, base, rate, LoadStep::p99), RATIO)).append(" |");
        }
        for (String target : targets.subList(1, targets.size())) {
          md.append(' ').append(cell(ratio(target, base, rate, LoadStep::p50), RATIO)).append(" |");
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  /**
   * The report of an earlier run from its {@link #csv()}: targets and rates in the order they first appear. The
   * columns are found by name; a CSV of before the idle step and the context switches (with only
   * {@code cpu_ms_per_decision}) reads back without them.
   */
  static DecisionReport fromCsv(String csv) {
    List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
    List<Measured> measured = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    List<Integer> rates = new ArrayList<>();
    csv.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
      Row row = new Row(header, line.split(","));
      String target = row.text("target");
      int rate = (int) row.whole("rate");
      long requests = row.whole("requests");
      long errors = row.whole("errors");
      double cpuMillis = header.contains("cpu_ms") ? row.number("cpu_ms")
          : row.number("cpu_ms_per_decision") * (requests - errors);
      CpuWindow.Used cpu = new CpuWindow.Used(cpuMillis, row.numberOrNaN("cpu_seconds"),
          row.numberOrNaN("context_switches"), row.number("machine_busy"));
      measured.add(new Measured((int) row.whole("run"), target, new LoadStep(rate, row.number("achieved"), requests,
          errors, row.whole("fallbacks"), row.number("p50_ms"), row.number("p99_ms"), row.number("p999_ms"),
          row.number("max_ms"), cpu)));
      if (!targets.contains(target)) {
        targets.add(target);
      }
      if (!rates.contains(rate)) {
        rates.add(rate);
      }
    });
    return new DecisionReport(targets, rates, measured);
  }

  /** One line of the CSV, its fields by the header's names. */
  private record Row(List<String> header, String[] fields) {
    String text(String column) {
      int index = header.indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException("the CSV has no column " + column);
      }
      return fields[index];
    }

    double number(String column) {
      return Double.parseDouble(text(column));
    }

    double numberOrNaN(String column) {
      return header.contains(column) ? number(column) : Double.NaN;
    }

    long whole(String column) {
      return Long.parseLong(text(column));
    }
  }

  /** Every step as a row, for plotting or checking elsewhere: what was measured, then the figures derived from it. */
  String csv() {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (Measured m : measured) {
      LoadStep s = m.step();
      csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.1f,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.1f,%.3f,%.0f,%.3f,%.4f,%.4f,%.2f,%b%n",
          m.run(), m.target(), s.rate(), s.achieved(), s.requests(), s.errors(), s.fallbacks(), s.p50(), s.p99(),
          s.p999(), s.max(), s.cpu().millis(), s.cpu().seconds(), s.cpu().contextSwitches(), s.cpu().machineBusy(),
          s.cpuMillisPerDecision(), marginalCpu(m), s.contextSwitchesPerDecision(), s.saturated()));
    }
    return csv.toString();
  }

  /** p99 and p50 (medians over the runs) against the rate asked for, one line per target and percentile. */
  String svg() {
    List<LineChart.Tick> ticks = loadRates().stream()
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
    for (int rate : loadRates()) {
      Spread spread = spread(target, rate, metric);
      points.add(new LineChart.Point(rate, spread.median(),
          String.format(Locale.ROOT, "%,d/s: %s ms", rate, spread.format(MILLIS))));
    }
    return new LineChart.Series(name, points);
  }

  /** The rates at which decisions were sent: all but the idle step's 0. */
  private List<Integer> loadRates() {
    return rates.stream().filter(rate -> rate > 0).toList();
  }

  private Spread spread(String target, int rate, ToDoubleFunction<LoadStep> metric) {
    return Spread.of(steps(target, rate).stream().map(m -> metric.applyAsDouble(m.step())).toList());
  }

  private String cell(String target, int rate, ToDoubleFunction<LoadStep> metric, String pattern) {
    return cell(steps(target, rate).stream().map(m -> metric.applyAsDouble(m.step())).toList(), pattern);
  }

  /** The median (min–max) of the values measured, NaN (not measured) left out; a dash when none was. */
  private static String cell(List<Double> values, String pattern) {
    List<Double> measured = values.stream().filter(value -> !value.isNaN()).toList();
    return measured.isEmpty() ? NOT_MEASURED : Spread.of(measured).format(pattern);
  }

  /** {@code no}, or what the design achieved in the runs that saturated. */
  private String saturation(String target, int rate) {
    List<Measured> all = steps(target, rate);
    List<Double> achieved = all.stream().filter(m -> m.step().saturated()).map(m -> m.step().achieved()).toList();
    if (achieved.isEmpty()) {
      return "no";
    }
    String what = String.format(Locale.ROOT, "achieved %s of %,d/s", Spread.of(achieved).format("%,.0f"), rate);
    return achieved.size() == all.size() ? "**yes**: " + what
        : String.format(Locale.ROOT, "in %d of %d runs: %s", achieved.size(), all.size(), what);
  }

  private List<Double> marginalCpu(String target, int rate) {
    return steps(target, rate).stream().map(this::marginalCpu).toList();
  }

  /** The step's marginal CPU per decision against the idle step of its run and target; NaN without one. */
  private double marginalCpu(Measured m) {
    if (m.step().isIdle()) {
      return Double.NaN;
    }
    return steps(m.target(), 0).stream().filter(idle -> idle.run() == m.run()).findFirst()
        .map(idle -> m.step().marginalCpuMillisPerDecision(idle.step())).orElse(Double.NaN);
  }

  /** The median of the per-run ratios {@code target ÷ base}, both measured in the same run. */
  private List<Double> ratio(String target, String base, int rate, ToDoubleFunction<LoadStep> metric) {
    List<Double> ratios = new ArrayList<>();
    for (Measured m : steps(target, rate)) {
      steps(base, rate).stream().filter(b -> b.run() == m.run()).findFirst().ifPresent(b ->
          ratios.add(metric.applyAsDouble(m.step()) / metric.applyAsDouble(b.step())));
    }
    return ratios;
  }

  private List<Measured> steps(String target, int rate) {
    return measured.stream().filter(m -> m.target().equals(target) && m.step().rate() == rate).toList();
  }
}
