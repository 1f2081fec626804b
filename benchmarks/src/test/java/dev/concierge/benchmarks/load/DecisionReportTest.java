package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertTrue(markdown.contains("| 1,000 | ours | 1,000 (1,000–1,000) | 2.00 (1.00–10.00) | 4.00 (2.00–20.00) |"), markdown);
  }

  @Test
  void eachStepShowsWhatADecisionCostTheDesignsProcessesAndHowBusyTheMachineWas() {
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(1000), List.of(measured(1, "ours", 1.0)));

    assertTrue(report.markdown().contains("| 0 | 0.25 | 50 |"), report.markdown());
  }

  @Test
  void everyStepIsARowOfTheCsv() {
    DecisionReport report = new DecisionReport(List.of("ours"), List.of(1000, 2000), List.of(
        measured(1, "ours", 1.0), new DecisionReport.Measured(1, "ours", new LoadStep(2000, 1990, 60000, 3, 30, 1, 2, 3, 4, 0.5, 0.9))));

    List<String> lines = report.csv().lines().toList();

    assertEquals(3, lines.size());
    assertEquals("1,ours,2000,1990.0,60000,3,30,1.000,2.000,3.000,4.000,0.5000,0.900", lines.get(2));
  }

  @Test
  void aReportReadBackFromItsCsvIsTheSameReport() {
    DecisionReport report = new DecisionReport(List.of("ours", "redis"), List.of(1000), List.of(
        measured(1, "ours", 1.0), measured(1, "redis", 2.0), measured(2, "ours", 1.5), measured(2, "redis", 2.5)));

    DecisionReport again = DecisionReport.fromCsv(report.csv());

    assertEquals(report.markdown(), again.markdown());
    assertEquals(report.svg(), again.svg());
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

  /** A step at 1,000/s whose p50 is {@code p50} ms and p99 twice that. */
  private static DecisionReport.Measured measured(int run, String target, double p50) {
    return new DecisionReport.Measured(run, target, new LoadStep(1000, 1000, 30000, 0, 0, p50, 2 * p50, 3 * p50, 4 * p50, 0.25, 0.5));
  }
}
