package dev.concierge.benchmarks.ingestion;

import dev.concierge.benchmarks.load.Spread;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The ingestion benchmark's tables: medians (min–max) per label, then every run. */
final class IngestionReport {

  private static final String RATE = "%,.0f";
  private static final String SECONDS = "%,.1f";
  private static final String PERCENT = "%.0f %%";
  private static final String COST = "%.3f";
  private static final double HUNDRED = 100;

  private final List<IngestionRun> runs;

  IngestionReport(List<IngestionRun> runs) {
    this.runs = List.copyOf(runs);
  }

  /** Every process any run measured, in the order they first appear. */
  List<String> cpuNames() {
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(run -> names.addAll(run.cpu().keySet()));
    return List.copyOf(names);
  }

  String csv() {
    StringBuilder csv = new StringBuilder(IngestionRun.header(cpuNames())).append('\n');
    runs.forEach(run -> csv.append(run.csv(cpuNames())).append('\n'));
    return csv.toString();
  }

  String markdown() {
    List<String> names = cpuNames();
    List<String> processes = names.stream().filter(name -> !CpuUse.MACHINE.equals(name) && !CpuUse.OTHERS.equals(name))
        .toList();
    StringBuilder md = new StringBuilder();
    md.append("| label | runs | sustained, 10–90 % (events/s) | overall (events/s) | first to last commit (s) |");
    names.forEach(name -> md.append(" CPU ").append(name).append(" |"));
    processes.forEach(name -> md.append(" ").append(name).append(" CPU s per 1k events |"));
    md.append(" load avg (1 min) | counts checked |\n|---|---:|---:|---:|---:|")
        .append("---:|".repeat(names.size() + processes.size())).append("---:|---|\n");
    for (String label : labels()) {
      List<IngestionRun> of = runs.stream().filter(run -> run.label().equals(label)).toList();
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", label, of.size(),
          spread(of, IngestionRun::sustainedRate).format(RATE), spread(of, IngestionRun::overallRate).format(RATE),
          spread(of, IngestionRun::elapsedSeconds).format(SECONDS)));
      for (String name : names) {
        md.append(' ').append(cell(of, name, run -> HUNDRED * run.cpu().get(name), PERCENT)).append(" |");
      }
      for (String name : processes) {
        md.append(' ').append(cell(of, name, run -> run.cpuSecondsPerThousand(name), COST)).append(" |");
      }
      md.append(' ').append(spread(of, run -> (run.loadStart() + run.loadEnd()) / 2).format("%.1f")).append(" | ")
          .append(checks(of)).append(" |\n");
    }
    md.append("\n| label | run | started | events | first to last commit (s) | overall (/s) | sustained (/s) |");
    names.forEach(name -> md.append(' ').append(name).append(" |"));
    md.append(" load avg start → end | customers checked (mismatched) |\n|---|---:|---|---:|---:|---:|---:|")
        .append("---:|".repeat(names.size())).append("---|---|\n");
    for (IngestionRun run : runs) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,d | %.1f | %,.0f | %,.0f |", run.label(), run.run(),
          run.started(), run.events(), run.elapsedSeconds(), run.overallRate(), run.sustainedRate()));
      for (String name : names) {
        Double share = run.cpu().get(name);
        md.append(' ').append(share == null ? "–" : String.format(Locale.ROOT, PERCENT, HUNDRED * share)).append(" |");
      }
      md.append(String.format(Locale.ROOT, " %.1f → %.1f | %d (%d) |%n", run.loadStart(), run.loadEnd(), run.checked(),
          run.mismatched()));
    }
    return md.toString();
  }

  /** The spread of a CPU figure over the runs that measured the process, or a dash when none did. */
  private static String cell(List<IngestionRun> runs, String name, ToDoubleFunction<IngestionRun> metric,
      String pattern) {
    List<IngestionRun> measured = runs.stream().filter(run -> run.cpu().containsKey(name)).toList();
    return measured.isEmpty() ? "–" : spread(measured, metric).format(pattern);
  }

  private List<String> labels() {
    return runs.stream().map(IngestionRun::label).distinct().toList();
  }

  private static Spread spread(List<IngestionRun> runs, ToDoubleFunction<IngestionRun> metric) {
    return Spread.of(runs.stream().map(run -> metric.applyAsDouble(run)).toList());
  }

  private static String checks(List<IngestionRun> runs) {
    int checked = runs.stream().mapToInt(IngestionRun::checked).sum();
    int mismatched = runs.stream().mapToInt(IngestionRun::mismatched).sum();
    return mismatched == 0 ? checked + " equal" : mismatched + " of " + checked + " DIFFER";
  }
}
