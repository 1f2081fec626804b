package dev.concierge.benchmarks.ingestion;

import dev.concierge.benchmarks.CpuTicks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.EventCounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionMeasuresTest {

  private static final double EXACT = 1e-9;

  @Test
  void theRunLastsFromTheFirstSampleThatSawACommitToTheOneThatSawThemAll() {
    CommitProgress progress = new CommitProgress(1000, List.of(
        new CommitSample(0, 0), new CommitSample(1, 0), new CommitSample(2, 100), new CommitSample(4, 500),
        new CommitSample(6, 1000)));

    assertEquals(4, progress.elapsed(), EXACT);
    assertEquals(900 / 4.0, progress.overallRate(), EXACT, "the records committed before the start do not count");
  }

  @Test
  void theSustainedRateIsTheMiddleShareOverTheInterpolatedInstantsItWasReached() {
    // 10 % (100) is reached at 2 s exactly, 90 % (900) at 4 + 400/500 x 2 = 5.6 s
    CommitProgress progress = new CommitProgress(1000, List.of(
        new CommitSample(0, 0), new CommitSample(2, 100), new CommitSample(4, 500), new CommitSample(6, 1000)));

    assertEquals(5.6, progress.secondsAt(0.9), EXACT);
    assertEquals(800 / 3.6, progress.sustainedRate(0.1, 0.9), EXACT);
  }

  @Test
  void aRunThatNeverCommitsEverythingIsNotMeasured() {
    assertThrows(IllegalArgumentException.class,
        () -> new CommitProgress(1000, List.of(new CommitSample(0, 0), new CommitSample(1, 999))));
  }

  @Test
  void theOffsetsOverTimeCountFromTheFirstCommit() {
    CommitProgress progress = new CommitProgress(10, List.of(
        new CommitSample(3, 0), new CommitSample(4, 5), new CommitSample(5.5, 10)));

    assertEquals(List.of(new CommitSample(0, 5), new CommitSample(1.5, 10)), progress.fromFirstCommit());
  }

  @Test
  void aProcessStatLineGivesUserPlusSystemTicksWhateverItsCommandIsCalled() {
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 90 0 0 0 1500 250 7 8 20 0 61 0 1234 5678 9 1";

    assertEquals(1750, CpuTicks.ofProcessStat(stat));
  }

  @Test
  void theMachineIsBusyButForIdleAndIowait() {
    String stat = "cpu  100 10 50 800 40 5 5 0 0 0\ncpu0 50 5 25 400 20 2 3 0 0 0\n";

    assertEquals(new CpuTicks.Machine(170, 1010), CpuTicks.ofMachineStat(stat));
  }

  @Test
  void aShareIsCpuSecondsOverElapsedSecondsTimesCores() {
    // 300 ticks at 100 per second = 3 CPU seconds in 10 s on 2 cores
    assertEquals(0.15, CpuTicks.share(300, 100, 10, 2), EXACT);
  }

  @Test
  void whatTheNamedProcessesDidNotUseOfTheBusyMachineIsOthers() {
    Sample from = sample(10, Map.of("node", 1000L, "kafka", 500L), new CpuTicks.Machine(5000, 10000));
    Sample to = sample(20, Map.of("node", 2000L, "kafka", 600L), new CpuTicks.Machine(6800, 12000));

    Map<String, Double> shares = CpuUse.between(from, to, List.of("node", "kafka"), 100, 2);

    assertEquals(0.5, shares.get("node"), EXACT);
    assertEquals(0.05, shares.get("kafka"), EXACT);
    assertEquals(0.9, shares.get(CpuUse.MACHINE), EXACT);
    assertEquals(0.35, shares.get(CpuUse.OTHERS), EXACT);
    assertEquals(List.of("node", "kafka", CpuUse.MACHINE, CpuUse.OTHERS), List.copyOf(shares.keySet()));
  }

  @Test
  void runsGoThroughTheirCsvAndTheReportShowsMediansPerLabel() {
    List<IngestionRun> runs = List.of(run("before", 1, 2000), run("before", 2, 3000), run("before", 3, 1000),
        run("after", 1, 11000));
    IngestionReport report = new IngestionReport(runs);

    assertEquals(runs, IngestionRun.parse(report.csv()));
    String markdown = report.markdown();
    assertTrue(markdown.contains("| before | 3 | 2,000 (1,000–3,000) |"), markdown);
    assertTrue(markdown.contains("| after | 1 | 11,000 |"), markdown);
    assertTrue(markdown.contains("| 50 % (50 %–50 %) | 88 % (88 %–88 %) | 0.101 (0.101–0.101) |"), markdown);
  }

  @Test
  void theCostOfEventsIsTheCpuSecondsAProcessUsedPerThousandOfThem() {
    // half of 2 cores for 100.5 s is 100.5 CPU seconds, for a million events
    assertEquals(0.1005, run("x", 1, 1).cpuSecondsPerThousand("node"), EXACT);
  }

  @Test
  void theCheckCountsEachTypeOnTheWire() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree("{\"view\":5,\"click\":2,\"add_to_cart\":1,\"purchase\":0}");

    assertEquals(new EventCounts(5, 2, 1, 0), EventCountCheck.parseCounts(json));
  }

  private static Sample sample(double seconds, Map<String, Long> ticks, CpuTicks.Machine machine) {
    return new Sample(new CommitSample(seconds, 1), ticks, machine, Instant.EPOCH, 1);
  }

  private static IngestionRun run(String label, int run, double sustained) {
    Map<String, Double> cpu = new LinkedHashMap<>();
    cpu.put("node", 0.5);
    cpu.put(CpuUse.MACHINE, 0.875);
    return new IngestionRun(label, run, "2026-11-26T17:00:00Z", 1000000, 100.5, sustained * 0.9, sustained, 2, cpu,
        3.5, 4.25, 500, 0);
  }
}
