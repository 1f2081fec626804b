package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decision latency against rate, open loop, for one or more running systems in the same run: each
 * rate step goes to every target in turn (the order alternating between runs), so that each design
 * meets the same background load and the same state of the machine.
 */
public final class DecisionBenchmark {

  private static final Set<String> OPTIONS = Set.of(
      "target", "rates", "warmup", "duration", "runs", "connections", "timeout", "customers", "catalog-items",
      "distinct-requests", "pause", "out", "seed", "cpu", "clock-ticks", "first-warmup", "from-csv");

  private static final String USAGE = String.join("\n",
      "usage: DecisionBenchmark --target NAME=URL [--target NAME=URL ...] [options]",
      "",
      "Sends POST /v1/decisions to each target at each rate, open loop: request n is due at n / rate, and",
      "its latency counts from then (HdrHistogram; no coordinated omission). Prints and writes p50, p99,",
      "p99.9, max and the achieved rate per step, their medians over the runs, the p99 ratio of every",
      "target to the first, and an SVG of p99 against rate.",
      "",
      "  --target NAME=URL      a system under test; the first is the one the others are compared with",
      "  --rates R,R,...        decisions per second (default 1000,2000,5000,10000)",
      "  --warmup D             unmeasured time at the start of each step (default 10s)",
      "  --first-warmup D       unmeasured load on each target at the first rate before anything is measured,",
      "                         so that both designs are compiled by the JIT first (default 60s; 0s skips it)",
      "  --duration D           measured time per step (default 30s)",
      "  --runs N               repetitions of all steps (default 3)",
      "  --connections N        keep-alive connections, each with one request in flight (default 64)",
      "  --timeout D            a request without an answer by then fails (default 10s)",
      "  --customers N          requests go to sim-c-1..N (default 10000)",
      "  --catalog-items N      product pages name sku-0..N-1 (default 1000, the demo catalog)",
      "  --distinct-requests N  distinct request bodies, prepared up front (default 4096)",
      "  --pause D              quiet time between steps (default 3s)",
      "  --out DIR              where decisions.md, decisions.csv and latency-vs-rate.svg go",
      "                         (default benchmarks/target/bench)",
      "  --seed S               the requests' random seed (default 7)",
      "  --cpu NAME=PID,...     the processes of target NAME (its JVMs, its store): their CPU time over each",
      "                         measured step, per answered decision, goes in the report; repeat per target",
      "  --clock-ticks N        the kernel's clock ticks per second, getconf CLK_TCK (default 100)",
      "  --from-csv FILE        measure nothing: write the tables and the plot again from an earlier run's",
      "                         decisions.csv (into --out)");

  private DecisionBenchmark() {}

  public static void main(String[] args) throws Exception {
    CommandLine line = CommandLine.ofTool("DecisionBenchmark", USAGE, args, OPTIONS);
    Path out = Path.of(line.text("out", "benchmarks/target/bench"));
    if (!line.all("from-csv").isEmpty()) {
      write(DecisionReport.fromCsv(Files.readString(Path.of(line.text("from-csv", "")))), out);
      return;
    }
    List<Target> targets = line.all("target").stream().map(Target::parse).toList();
    if (targets.isEmpty()) {
      CommandLine.exitWithUsage("DecisionBenchmark", "name at least one --target", USAGE);
    }
    List<Integer> rates = line.positives("rates", "1000,2000,5000,10000");
    int runs = line.positive("runs", 3);
    Duration pause = line.duration("pause", "3s");
    Map<String, DesignCpu> cpu = new HashMap<>();
    line.all("cpu").stream().map(DesignCpu::parse).forEach(design -> cpu.put(design.name(), design));
    warmUp(line, targets, rates.get(0));
    List<DecisionReport.Measured> measured = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      for (int rate : rates) {
        for (Target target : inTurn(targets, run)) {
          LoadStep step = new OpenLoopLoad(settings(line, target, rate), requests(line, target)).run(cpu.get(target.name()));
          measured.add(new DecisionReport.Measured(run, target.name(), step));
          System.err.printf(Locale.ROOT, "run %d/%d  %-10s %6d/s: achieved %8.1f/s  p50 %7.2f ms  p99 %8.2f ms  "
                  + "p99.9 %8.2f ms  max %8.2f ms  fallback %.1f%%  errors %d  CPU %.2f ms/decision  machine %.0f%% busy%n",
              run, runs, target.name(), rate, step.achieved(), step.p50(), step.p99(), step.p999(), step.max(),
              step.fallbackPercent(), step.errors(), step.cpuMillisPerDecision(), step.machineBusyPercent());
          Thread.sleep(pause.toMillis());
        }
      }
    }
    write(new DecisionReport(targets.stream().map(Target::name).toList(), rates, measured), out);
  }

  private static void write(DecisionReport report, Path out) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("decisions.md"), report.markdown());
    Files.writeString(out.resolve("decisions.csv"), report.csv());
    Files.writeString(out.resolve("latency-vs-rate.svg"), report.svg());
    System.out.println(report.markdown());
    System.err.println("written: " + out.resolve("decisions.md") + ", decisions.csv, latency-vs-rate.svg");
  }

  private static void warmUp(CommandLine line, List<Target> targets, int rate) throws InterruptedException {
    Duration firstWarmup = line.duration("first-warmup", "60s");
    if (firstWarmup.isZero()) {
      return;
    }
    for (Target target : targets) {
      System.err.printf(Locale.ROOT, "warming up %s: %d/s for %ds, not measured%n", target.name(), rate, firstWarmup.toSeconds());
      OpenLoopLoad.Settings step = settings(line, target, rate);
      new OpenLoopLoad(
              new OpenLoopLoad.Settings(step.target(), rate, Duration.ZERO, firstWarmup, step.connections(), step.timeout(),
                  step.clockTicksPerSecond()),
              requests(line, target))
          .run(null);
    }
  }

  /** The targets in turn: as given in odd runs, reversed in even ones. */
  private static List<Target> inTurn(List<Target> targets, int run) {
    List<Target> order = new ArrayList<>(targets);
    if (run % 2 == 0) {
      Collections.reverse(order);
    }
    return order;
  }

  private static OpenLoopLoad.Settings settings(CommandLine line, Target target, int rate) {
    return new OpenLoopLoad.Settings(target.uri(), rate, line.duration("warmup", "10s"), line.duration("duration", "30s"),
        line.positive("connections", 64), line.duration("timeout", "10s"), line.positive("clock-ticks", 100));
  }

  private static DecisionRequests requests(CommandLine line, Target target) {
    return new DecisionRequests(target.uri(), line.positive("customers", 10_000), line.positive("catalog-items", 1_000),
        line.positive("distinct-requests", 4096), Long.parseLong(line.text("seed", "7")));
  }
}
