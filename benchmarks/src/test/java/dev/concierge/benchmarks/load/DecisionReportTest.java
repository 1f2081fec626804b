package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionReportTest {

  @Test
  void theRatioIsTheMedianOfRatiosMeasuredInTheSameRun() {
    // run 2 was slow for both: a ratio of medians would mix runs, a median of ratios does not
    DecisionReport report = new DecisionReport(List.of("ours", "redis"), List.of(1000), List.of(
        measured(1, "ours", 1.0), measured(1, "redis", 2.0),
        measured(2, "ours", 10.0), measured(2, "redis", 30.0),
        measured(3, "ours", 2.0), measured(3, "redis", 5.0)));

    String markdown = report.markdown();

    assertTrue(markdown.contains("| 1,000 | 2.50× (2.00×–3.00×) |"), markdown);
    assertTrue(markdown.contains("| 1,000 | ours | 1,000 (1,000–1,000) | no | 2.00 (1.00–10.00) | 4.00 (2.00–20.00) |"),
        markdown);
  }

  @Test
  void eachStepShowsWhatADecisionCostTheDesignsProcessesAndHowBusyTheMachineWas() {
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(1000), List.of(measured(1, "ours", 1.0)));

    // 7,500 ms of CPU and 60,000 switches over 30,000 decisions; without an idle step, no marginal CPU
    assertTrue(report.markdown().contains("| 0 | 0.250 | – | 2.0 | 50 |"), report.markdown());
  }

  @Test
  void theMarginalCpuPerDecisionSubtractsTheIdleCoresOfTheSameRunOverAsLong() {
    // run 1 idles at 0.5 cores and run 2 at 0.1: over a 30 s step that is 15,000 and 3,000 ms
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(0, 1000), List.of(
        idle(1, "ours", 0.5), loaded(1, "ours", 18_000), idle(2, "ours", 0.1), loaded(2, "ours", 9_000)));

    String markdown = report.markdown();

    // run 1: (18,000 − 15,000) / 30,000 = 0.1; run 2: (9,000 − 3,000) / 30,000 = 0.2
    assertTrue(markdown.contains("| 0.450 (0.300–0.600) | 0.150 (0.100–0.200) |"), markdown);
    assertTrue(markdown.contains("| ours | 0.300 (0.100–0.500) | 1,000 (1,000–1,000) |"), markdown);
  }

  @Test
  void theIdleStepHasNoLatencyRowAndNoPointInThePlot() {
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(0, 1000), List.of(
        idle(1, "ours", 0.5), loaded(1, "ours", 18_000)));

    assertFalse(report.markdown().contains("| 0 | ours |"), report.markdown());
    assertFalse(report.svg().contains(">0/s"), report.svg());
  }

  @Test
  void aSaturatedStepSaysSoWithTheRateItAchieved() {
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(2000), List.of(
        atRate(1, 2000, 1559), atRate(2, 2000, 1601), atRate(3, 2000, 1990)));

    assertTrue(report.markdown().contains("| in 2 of 3 runs: achieved 1,580 (1,559–1,601) of 2,000/s |"),
        report.markdown());
  }

  @Test
  void aStepSaturatedInEveryRunIsMarkedSo() {
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(2000), List.of(atRate(1, 2000, 1559)));

    assertTrue(report.markdown().contains("| **yes**: achieved 1,559 of 2,000/s |"), report.markdown());
  }

  @Test
  void aStepThatAnsweredAtLeast95PercentOfItsRateIsNotSaturated() {
    assertFalse(atRate(1, 2000, 1900).step().saturated());
    assertTrue(atRate(1, 2000, 1899).step().saturated());
  }

  @Test
  void everyStepIsARowOfTheCsv() {
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(1000, 2000), List.of(
        measured(1, "ours", 1.0), new DecisionReport.Measured(1, "ours", new LoadStep(2000, 1990, 60000, 3, 30, 1, 2, 3, 4,
            new CpuWindow.Used(29998.5, 30, 1000, 0.9)))));

    List<String> lines = report.csv().lines().toList();

    assertEquals(3, lines.size());
    assertEquals("1,ours,2000,1990.0,60000,3,30,1.000,2.000,3.000,4.000,29998.5,30.000,1000,0.900,0.5000,NaN,0.02,false",
        lines.get(2));
  }

  @Test
  void aReportReadBackFromItsCsvIsTheSameReport() {
    DecisionReport report = new DecisionReport(List.of("ours", "redis"), List.of(0, 1000), List.of(
        idle(1, "ours", 0.5), idle(1, "redis", 0.7), measured(1, "ours", 1.0), measured(1, "redis", 2.0),
        idle(2, "ours", 0.4), idle(2, "redis", 0.6), measured(2, "ours", 1.5), measured(2, "redis", 2.5)));

    DecisionReport again = DecisionReport.fromCsv(report.csv());

    assertEquals(report.markdown(), again.markdown());
    assertEquals(report.svg(), again.svg());
  }

  @Test
  void aCsvOfBeforeTheIdleStepReadsBackWithoutWhatItDidNotMeasure() {
    String old = "run,target,rate,achieved,requests,errors,fallbacks,p50_ms,p99_ms,p999_ms,max_ms,cpu_ms_per_decision,"
        + "machine_busy\n1,ours,1000,999.9,30000,0,17,4.839,63.903,102.783,143.999,0.9737,1.000\n";

    String markdown = DecisionReport.fromCsv(old).markdown();

    assertTrue(markdown.contains("| 1,000 | ours | 1,000 | no | 4.84 | 63.90 | 102.78 | 144.00 | 0.1 | 0 | 0.974 | – | – | 100 |"),
        markdown);
  }

  @Test
  void thePlotHasALinePerTargetAndPercentile() {
    DecisionReport report = new DecisionReport(List.of("ours", "redis"), List.of(1000), List.of(
        measured(1, "ours", 1.0), measured(1, "redis", 2.0)));

    String svg = report.svg();

    for (String line : List.of("ours p99", "redis p99", "ours p50", "redis p50")) {
      assertTrue(svg.contains(">" + line + "</text>"), line);
    }
  }

  /**
   * A step at 1,000/s whose p50 is {@code p50} ms and p99 twice that: 30,000 decisions over 30 s, 7,500 ms of CPU,
   * 60,000 context switches, the machine half busy.
   */
  private static DecisionReport.Measured measured(int run, String target, double p50) {
    return new DecisionReport.Measured(run, target, new LoadStep(1000, 1000, 30000, 0, 0, p50, 2 * p50, 3 * p50, 4 * p50,
        new CpuWindow.Used(7_500, 30, 60_000, 0.5)));
  }

  /** A step at 1,000/s over 30 s that used {@code cpuMillis}. */
  private static DecisionReport.Measured loaded(int run, String target, double cpuMillis) {
    return new DecisionReport.Measured(run, target, new LoadStep(1000, 1000, 30000, 0, 0, 1, 2, 3, 4,
        new CpuWindow.Used(cpuMillis, 30, 60_000, 0.5)));
  }

  /** The idle step of a run: {@code cores} busy over 20 s, 1,000 switches a second. */
  private static DecisionReport.Measured idle(int run, String target, double cores) {
    return new DecisionReport.Measured(run, target, LoadStep.idle(new CpuWindow.Used(cores * 20_000, 20, 20_000, 0.3)));
  }

  private static DecisionReport.Measured atRate(int run, int rate, double achieved) {
    return new DecisionReport.Measured(run, "ours", new LoadStep(rate, achieved, 30000, 0, 0, 1, 2, 3, 4,
        new CpuWindow.Used(7_500, 30, 60_000, 0.5)));
  }
}
