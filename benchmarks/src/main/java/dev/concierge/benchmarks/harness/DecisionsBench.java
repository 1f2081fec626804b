package dev.concierge.benchmarks.harness;

import static dev.concierge.benchmarks.harness.LocalServices.CASSANDRA;
import static dev.concierge.benchmarks.harness.LocalServices.KAFKA;
import static dev.concierge.benchmarks.harness.LocalServices.REDIS;

import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.baseline.FeatureWriter;
import dev.concierge.benchmarks.baseline.ModelServer;
import dev.concierge.benchmarks.load.ConsumerLagWait;
import dev.concierge.benchmarks.load.DecisionBenchmark;
import dev.concierge.benchmarks.load.DecisionSteps;
import dev.concierge.benchmarks.load.FreshnessBenchmark;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.tools.Concierge;
import dev.concierge.tools.admin.AdminEnvironment;
import dev.concierge.tools.admin.AdminToken;
import dev.concierge.tools.dev.DevCommand;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code bin/concierge bench decisions}: our node and the Redis baseline side by side, on the same JDK with the
 * same flags, against clean services of the bench's own; a history first, then the decision load at each rate
 * with simulated events in the background, then freshness, then a wrk cross-check.
 */
@Command(name = "decisions", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false,
    header = "decision latency against rate, ours and the Redis baseline in the same run; then freshness; then wrk",
    description = {
        "Decision latency against rate, open loop, for our node and the Redis baseline in the same run, with the"
            + " simulator producing events in the background (DecisionBenchmark); then freshness, from produce to"
            + " Kafka until the features show the event, for both (FreshnessBenchmark); then a wrk cross-check.",
        "Starts clean Kafka, Cassandra and Redis of the bench's own, the dev setup, our node (dev.conf) and the"
            + " baseline's writer and model server; a history goes into Kafka first, and both designs consume it"
            + " before anything is measured. Tables and plots go to benchmarks/target/bench/, the JVMs' logs to the"
            + " bench's state dir (logs/).",
        "Each design's CPU and context switches per decision are those of its processes (ours: the node and"
            + " Cassandra; the baseline: its model server, its writer and Redis); the step at 0 decisions/s measures"
            + " each design with the background events alone, and the other steps the marginal CPU per decision above"
            + " it. --designs ours measures our node alone, --profile RATE takes a flame graph of it.",
        ""})
final class DecisionsBench extends BenchmarkCommand {

  // the consumer group of each design, which must have read the history
  private static final Map<Design, String> CONSUMER =
      Map.of(Design.OURS, "concierge-ingestion", Design.REDIS, "concierge-baseline");
  private static final String HISTORY_SEED = "1";
  private static final String BACKGROUND_SEED = "2";
  // the background simulation runs until the run stops it
  private static final String BACKGROUND_EVENTS = "100000000";
  private static final String BASELINE_PORT = "CONCIERGE_BASELINE_HTTP_PORT";

  @Mixin(name = "steps")
  private DecisionSteps steps;

  @Option(names = "--history", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "200000",
      description = "events of history before measuring (default ${DEFAULT-VALUE})")
  private int history;

  @Option(names = "--background-rate", paramLabel = "R", converter = Cli.Positive.class, defaultValue = "1000",
      description = "simulator events per second during the measurement (default ${DEFAULT-VALUE})")
  private int backgroundRate;

  @Option(names = "--samples", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "1000",
      description = "freshness samples per run, 3 runs (default ${DEFAULT-VALUE})")
  private int samples;

  @Option(names = "--wrk-rate", paramLabel = "R", converter = Cli.Positive.class, defaultValue = "5000",
      description = "the step wrk cross-checks (default ${DEFAULT-VALUE})")
  private int wrkRate;

  @Option(names = "--no-wrk", description = "skip the wrk cross-check")
  private boolean noWrk;

  @Option(names = "--designs", paramLabel = "D", split = ",", converter = Design.Converter.class,
      defaultValue = "ours,redis",
      description = "the designs to start and measure, the first the one the others are compared with: ours, redis"
          + " (default ${DEFAULT-VALUE}); --designs ours measures our node alone, the quick before and after of a"
          + " change")
  private List<Design> designs;

  @Option(names = "--profile", paramLabel = "RATE", converter = Cli.NotNegative.class,
      description = "profile our node with async-profiler during its step at RATE in the first run, warm-up"
          + " included (0: the idle step):"
          + " CPU samples with native and kernel frames (itimer samples, without kernel frames, where perf events are"
          + " refused), as a flame graph flame-ours-RATE.html and collapsed stacks flame-ours-RATE.collapsed in the"
          + " results; the profiler's own cost is in that step's figures")
  private Integer profile;

  @Override
  protected int measure(BenchRun run) throws IOException {
    checkOptions();
    Path out = run.results();
    List<String> flags = run.flags(run.settings().decisions());
    run.log(designs + " on " + run.commands().java().executable() + " " + String.join(" ", flags));
    LocalServices localServices = new LocalServices(run);
    List<String> services = new ArrayList<>(List.of(KAFKA, CASSANDRA));
    if (designs.contains(Design.REDIS)) {
      services.add(REDIS);
    }
    localServices.startClean(services.toArray(String[]::new));
    Map<String, String> environment = run.environment();
    environment.put(AdminEnvironment.TOKEN_VARIABLE,
        AdminToken.resolveOrCreate(Optional.empty(), new AdminEnvironment(environment), run.progress()).value());
    String bootstrap = localServices.kafkaBootstrap();

    run.setUp();
    // in the order given: the first is the one the others are compared with
    Map<Design, Started> started = new LinkedHashMap<>();
    for (Design design : designs) {
      started.put(design, design == Design.OURS ? startOurs(run, flags, environment, localServices)
          : startBaseline(run, flags, environment, bootstrap, localServices));
    }

    String customers = Integer.toString(steps.customers());
    run.log("history: " + history + " events for " + customers + " customers, as fast as Kafka takes them");
    if (run.runLogged("history", run.simulation(List.of("--customers", customers, "--events",
        Integer.toString(history), "--seed", HISTORY_SEED))) != 0) {
      throw new IllegalStateException("the history did not go into Kafka (log: " + run.logFile("history") + ")");
    }
    List<String> lag = new ArrayList<>(List.of("--bootstrap", bootstrap));
    designs.forEach(design -> lag.addAll(List.of("--group", CONSUMER.get(design))));
    run.require("ConsumerLagWait", run.commands().harness(List.of(), ConsumerLagWait.class, lag),
        "the designs did not consume the history");

    run.log("background: " + backgroundRate + " events/s from the simulator while measuring");
    Process background = run.startLogged("background", run.simulation(List.of("--customers", customers, "--events",
        BACKGROUND_EVENTS, "--seed", BACKGROUND_SEED, "--rate", Integer.toString(backgroundRate))));
    // it runs until the run stops it; ending before, it leaves the designs without their background load
    background.onExit().thenAccept(ended -> {
      if (!run.started().stopping()) {
        run.log("WARNING: the background simulation ended (exit code " + ended.exitValue() + "), so the designs are"
            + " measured without their background load (log: " + run.logFile("background") + ")");
      }
    });

    List<String> targets = new ArrayList<>();
    List<String> cpu = new ArrayList<>();
    started.forEach((design, processes) -> {
      targets.addAll(List.of("--target", design + "=" + processes.url()));
      cpu.addAll(List.of("--cpu", design + "=" + processes.pids()));
    });
    List<String> decisions = new ArrayList<>(targets);
    decisions.addAll(GivenOptions.of(spec().mixins().get("steps")));
    decisions.addAll(cpu);
    decisions.addAll(List.of("--out", out.toString(), "--clock-ticks", run.clockTicks()));
    if (profile != null) {
      decisions.addAll(List.of("--profile", Design.OURS + "@" + profile));
    }
    run.require("DecisionBenchmark", run.commands().harness(List.of(), DecisionBenchmark.class, decisions),
        "the decision benchmark failed");
    List<String> freshness = new ArrayList<>(List.of("--bootstrap", bootstrap));
    freshness.addAll(targets);
    freshness.addAll(List.of("--samples", Integer.toString(samples), "--out", out.toString()));
    run.require("FreshnessBenchmark", run.commands().harness(List.of(), FreshnessBenchmark.class, freshness),
        "the freshness benchmark failed");
    if (!noWrk) {
      List<Map.Entry<String, URI>> urls = new ArrayList<>();
      started.forEach((design, processes) -> urls.add(Map.entry(design.toString(), processes.url())));
      new WrkCrossCheck(run).run(wrkRate, steps.customers(), urls, out);
    }
    run.log("done; tables and plots in " + out);
    return 0;
  }

  /** A design once it serves: where it answers, and its processes (the one that answers first). */
  private record Started(URI url, String pids) {}

  private Started startOurs(BenchRun run, List<String> flags, Map<String, String> environment,
      LocalServices localServices) {
    Process node = run.startLogged("node", run.commands().node(flags));
    URI ours = run.node().httpUrl();
    run.awaitAnswer("node", URI.create(ours + "/health/ready"), node, run.settings().nodeStartTimeout());
    DevCommand.publishBundles(Concierge::run, run.bundles(), ours, environment, System.out, run.progress(), BenchRun.TAG);
    return new Started(ours, node.pid() + "," + localServices.pid(CASSANDRA));
  }

  private Started startBaseline(BenchRun run, List<String> flags, Map<String, String> environment, String bootstrap,
      LocalServices localServices) {
    Path bundle = run.bundles().resolve(DevCommand.activeBundle(environment) + BundleArchive.FILE_EXTENSION);
    Process writer = run.startLogged("baseline-writer",
        run.commands().harness(flags, FeatureWriter.class, List.of("--bootstrap", bootstrap)));
    Process server = run.startLogged("baseline-server", run.commands().harness(flags, ModelServer.class,
        List.of("--bootstrap", bootstrap, "--bundle", bundle.toString())));
    URI redis = URI.create("http://" + BenchPorts.HOST + ":" + run.ports().port(BASELINE_PORT));
    run.awaitAnswer("baseline-server", URI.create(redis + "/health/ready"), server,
        run.settings().baselineStartTimeout());
    // the baseline's CPU: its server, its writer and Redis
    return new Started(redis, server.pid() + "," + writer.pid() + "," + localServices.pid(REDIS));
  }

  /** What the options cannot mean, before anything starts. */
  private void checkOptions() {
    if (designs.stream().distinct().count() != designs.size()) {
      throw new ParameterException(spec().commandLine(), "--designs names a design twice: " + designs);
    }
    if (profile != null && !designs.contains(Design.OURS)) {
      throw new ParameterException(spec().commandLine(), "--profile profiles our node: add ours to --designs");
    }
    if (profile != null && !steps.rates().contains(profile)) {
      throw new ParameterException(spec().commandLine(),
          "--profile " + profile + ": no step at " + profile + "/s in --rates " + steps.rates());
    }
  }
}
