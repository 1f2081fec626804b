package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.CpuTicks;
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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Decision latency against rate, open loop, for one or more running systems in the same run: each rate step
 * goes to every target in turn (the order alternating between runs), so that each design meets the same
 * background load and the same state of the machine.
 */
@Command(name = "DecisionBenchmark", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false,
    description = {
        "Sends POST /v1/decisions to each target at each rate, open loop: request n is due at n / rate, and its"
            + " latency counts from then (HdrHistogram; no coordinated omission). Prints and writes p50, p99, p99.9,"
            + " max and the achieved rate per step, their medians over the runs, the p99 ratio of every target to"
            + " the first, and an SVG of p99 against rate.",
        "With --cpu, each step also reports the CPU time and the context switches per decision of the target's"
            + " processes. A step at rate 0 (--rates 0,...) sends nothing: it measures the target's idle cost with"
            + " the background alone, and every other step of the run its marginal CPU per decision, the CPU above"
            + " that idle cost. A step that answers below 95%% of its rate is reported saturated.",
        ""})
public final class DecisionBenchmark implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--target", paramLabel = "NAME=URL", converter = Target.Converter.class,
      description = "a system under test, repeated for each; the first is the one the others are compared with")
  private List<Target> targets = new ArrayList<>();

  @Mixin
  DecisionSteps steps;

  @Option(names = "--connections", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "64",
      description = "keep-alive connections, each with one request in flight (default ${DEFAULT-VALUE})")
  private int connections;

  @Option(names = "--timeout", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "10s",
      description = "a request without an answer by then fails (default ${DEFAULT-VALUE})")
  private Duration timeout;

  @Option(names = "--catalog-items", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "1000",
      description = "product pages name sku-0..N-1 (default ${DEFAULT-VALUE}, the demo catalog)")
  private int catalogItems;

  @Option(names = "--distinct-requests", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "4096",
      description = "distinct request bodies, prepared up front (default ${DEFAULT-VALUE})")
  private int distinctRequests;

  @Option(names = "--pause", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "3s",
      description = "quiet time between steps (default ${DEFAULT-VALUE})")
  private Duration pause;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7",
      description = "the requests' random seed (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--cpu", paramLabel = "NAME=PID,...", converter = DesignCpu.Converter.class,
      description = "the processes of target NAME (its JVMs, its store): their CPU time over each measured step, per"
          + " answered decision, goes in the report; repeated for each target")
  private List<DesignCpu> cpu = new ArrayList<>();

  @Mixin
  private CpuTicks.PerSecond clockTicks;

  @Option(names = "--profile", paramLabel = "TARGET@RATE", converter = StepProfiler.Step.Converter.class,
      description = "profile the first process of TARGET's --cpu with async-profiler during its step at RATE in the"
          + " first run, warm-up included (0: the idle step): flame-TARGET-RATE.html and .collapsed go into --out."
          + " CPU samples with kernel frames (event cpu), else itimer samples, which have none; the profiler's cost is"
          + " in that step's figures")
  private StepProfiler.Step profile;

  @Option(names = "--profile-interval", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "1ms",
      description = "CPU time between two samples of --profile (default ${DEFAULT-VALUE})")
  private Duration profileInterval;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "benchmarks/target/bench",
      description = "where decisions.md, decisions.csv and latency-vs-rate.svg go (default ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--from-csv", paramLabel = "FILE",
      description = "measure nothing: write the tables and the plot again from an earlier run's decisions.csv"
          + " (into --out)")
  private Path fromCsv;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DecisionBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (fromCsv != null) {
      write(DecisionReport.fromCsv(Files.readString(fromCsv)), out);
      return 0;
    }
    if (targets.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Name at least one --target, or --from-csv");
    }
    Map<String, DesignCpu> cpuOf = new HashMap<>();
    cpu.forEach(design -> cpuOf.put(design.name(), design));
    checkProfile(cpuOf);
    warmUp();
    List<DecisionReport.Measured> measured = new ArrayList<>();
    List<StepProfiler.Profile> profiles = new ArrayList<>();
    for (int run = 1; run <= steps.runs; run++) {
      Map<String, LoadStep> idle = new HashMap<>();
      for (int rate : steps.rates) {
        for (Target target : inTurn(targets, run)) {
          DesignCpu design = cpuOf.get(target.name());
          StepProfiler profiler = run == 1 && profile != null && profile.is(target.name(), rate)
              ? StepProfiler.start(design.server(), profileInterval, System.err) : null;
          LoadStep step = new OpenLoopLoad(settings(target, rate), requests(target)).run(design);
          if (profiler != null) {
            profiles.add(profiler.stop(out.resolve("flame-" + target.name() + "-" + rate)));
          }
          measured.add(new DecisionReport.Measured(run, target.name(), step));
          if (step.isIdle()) {
            idle.put(target.name(), step);
          }
          System.err.println(summary(run, target.name(), step, idle.get(target.name())));
          Thread.sleep(pause.toMillis());
        }
      }
    }
    write(new DecisionReport(targets.stream().map(Target::name).toList(), steps.rates, measured), out);
    profiles.forEach(taken -> System.err.println("profile: " + taken.describe()));
    return 0;
  }

  /** A step's line on the console; {@code idle} is the idle step of the same run and target, if measured yet. */
  private String summary(int run, String target, LoadStep step, LoadStep idle) {
    String head = String.format(Locale.ROOT, "run %d/%d  %-10s %6d/s: ", run, steps.runs, target, step.rate());
    if (step.isIdle()) {
      return head + String.format(Locale.ROOT, "idle (background events only)  CPU %.3f cores  context switches %,.0f/s"
          + "  machine %.0f%% busy", step.cpu().cores(), step.contextSwitchesPerSecond(), step.machineBusyPercent());
    }
    return head + String.format(Locale.ROOT, "achieved %8.1f/s  p50 %7.2f ms  p99 %8.2f ms  p99.9 %8.2f ms  max %8.2f ms"
            + "  fallback %.1f%%  errors %d  CPU %.3f ms/decision (marginal %s)  %.1f context switches/decision"
            + "  machine %.0f%% busy%s",
        step.achieved(), step.p50(), step.p99(), step.p999(), step.max(), step.fallbackPercent(), step.errors(),
        step.cpuMillisPerDecision(),
        idle == null ? "not measured: no 0/s step before it" : String.format(Locale.ROOT, "%.3f ms",
            step.marginalCpuMillisPerDecision(idle)),
        step.contextSwitchesPerDecision(), step.machineBusyPercent(),
        step.saturated() ? String.format(Locale.ROOT, "  SATURATED: achieved %,.0f of %,d/s", step.achieved(), step.rate())
            : "");
  }

  /** A profile needs its target's processes (--cpu) and a step that is measured. */
  private void checkProfile(Map<String, DesignCpu> cpuOf) {
    if (profile == null) {
      return;
    }
    if (!cpuOf.containsKey(profile.target())) {
      throw new ParameterException(spec.commandLine(), "--profile " + profile.target() + "@" + profile.rate()
          + " needs the target's processes: --cpu " + profile.target() + "=PID,...");
    }
    if (!steps.rates.contains(profile.rate())) {
      throw new ParameterException(spec.commandLine(), "--profile " + profile.target() + "@" + profile.rate()
          + ": no step at " + profile.rate() + "/s in --rates " + steps.rates);
    }
  }

  private static void write(DecisionReport report, Path out) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("decisions.md"), report.markdown());
    Files.writeString(out.resolve("decisions.csv"), report.csv());
    Files.writeString(out.resolve("latency-vs-rate.svg"), report.svg());
    System.out.println(report.markdown());
    System.err.println("written: " + out.resolve("decisions.md") + ", decisions.csv, latency-vs-rate.svg");
  }

  /** Load at the first rate that sends decisions (the idle step warms nothing up). */
  private void warmUp() throws InterruptedException {
    int rate = steps.rates.stream().filter(r -> r > 0).findFirst().orElse(0);
    if (steps.firstWarmup.isZero() || rate == 0) {
      return;
    }
    for (Target target : targets) {
      System.err.printf(Locale.ROOT, "warming up %s: %d/s for %ds, not measured%n", target.name(), rate,
          steps.firstWarmup.toSeconds());
      OpenLoopLoad.Settings step = settings(target, rate);
      new OpenLoopLoad(
              new OpenLoopLoad.Settings(step.target(), rate, Duration.ZERO, steps.firstWarmup, step.connections(),
                  step.timeout(), step.clockTicksPerSecond()),
              requests(target))
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

  OpenLoopLoad.Settings settings(Target target, int rate) {
    return new OpenLoopLoad.Settings(target.uri(), rate, steps.warmup, steps.duration, connections, timeout,
        clockTicks.ticks());
  }

  DecisionRequests requests(Target target) {
    return new DecisionRequests(target.uri(), steps.customers, catalogItems, distinctRequests, seed);
  }
}
