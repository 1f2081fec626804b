package dev.concierge.benchmarks.ingestion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measured run, as a row of {@code ingestion-runs.csv}: the rates, each process's CPU share of
 * the machine (see {@link CpuUse}), the load average before and after, and the count check.
 *
 * @param label     what was measured (a code version, JVM flags), so that variants share one report
 * @param cores     the machine's cores, which the CPU shares are of
 * @param loadStart the 1-minute load average when the first commit was seen; {@code loadEnd} at the last
 * @param checked   customers whose event counts were compared with the simulation's
 * @param mismatched of those, the ones whose counts differed
 */
record IngestionRun(
    String label,
    int run,
    String started,
    long events,
    double elapsedSeconds,
    double overallRate,
    double sustainedRate,
    int cores,
    Map<String, Double> cpu,
    double loadStart,
    double loadEnd,
    int checked,
    int mismatched) {

  private static final List<String> FIXED_COLUMNS = List.of(
      "label", "run", "started", "events", "elapsed_s", "overall_per_s", "sustained_per_s", "cores", "load_start",
      "load_end",
      "checked", "mismatched");
  private static final String CPU_PREFIX = "cpu_";
  private static final int EVENTS_PER_COST = 1000;

  IngestionRun {
    label(label);
    cpu = new LinkedHashMap<>(cpu);
  }

  /** {@code text} if it can label runs: a CSV cell of one line. */
  static String label(String text) {
    if (text.contains(",") || text.contains("\n") || text.isBlank()) {
      throw new IllegalArgumentException("a label is not blank and holds no comma nor line break: '" + text + "'");
    }
    return text;
  }

  static String header(List<String> cpuNames) {
    List<String> columns = new ArrayList<>(FIXED_COLUMNS);
    cpuNames.forEach(name -> columns.add(CPU_PREFIX + name));
    return String.join(",", columns);
  }

  /** The row under {@link #header(List)}; a process this run did not measure is left empty. */
  String csv(List<String> cpuNames) {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%s,%d,%s,%d,%.3f,%.1f,%.1f,%d,%.2f,%.2f,%d,%d",
        label, run, started, events, elapsedSeconds, overallRate, sustainedRate, cores, loadStart, loadEnd, checked,
        mismatched));
    for (String name : cpuNames) {
      Double share = cpu.get(name);
      row.append(',').append(share == null ? "" : String.format(Locale.ROOT, "%.4f", share));
    }
    return row.toString();
  }

  /**
   * CPU seconds a process used per 1,000 events: what the work costs, whatever else the machine was doing,
   * where the rate also depends on how much of the machine the other processes left.
   */
  double cpuSecondsPerThousand(String name) {
    return cpu.get(name) * cores * elapsedSeconds / events * EVENTS_PER_COST;
  }

  static List<IngestionRun> parse(String csv) {
    List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> columns = List.of(lines.get(0).split(",", -1));
    List<IngestionRun> runs = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), cells[i]);
      }
      Map<String, Double> cpu = new LinkedHashMap<>();
      columns.stream().filter(column -> column.startsWith(CPU_PREFIX) && !row.get(column).isEmpty())
          .forEach(column -> cpu.put(column.substring(CPU_PREFIX.length()), Double.parseDouble(row.get(column))));
      runs.add(new IngestionRun(row.get("label"), Integer.parseInt(row.get("run")), row.get("started"),
          Long.parseLong(row.get("events")), Double.parseDouble(row.get("elapsed_s")),
          Double.parseDouble(row.get("overall_per_s")), Double.parseDouble(row.get("sustained_per_s")),
          Integer.parseInt(row.get("cores")), cpu,
          Double.parseDouble(row.get("load_start")), Double.parseDouble(row.get("load_end")),
          Integer.parseInt(row.get("checked")), Integer.parseInt(row.get("mismatched"))));
    }
    return runs;
  }
}
