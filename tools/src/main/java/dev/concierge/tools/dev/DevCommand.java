package dev.concierge.tools.dev;

import com.typesafe.config.ConfigFactory;
import dev.concierge.tools.admin.AdminEnvironment;
import dev.concierge.tools.admin.AdminToken;
import dev.concierge.tools.cli.Converters;
import dev.concierge.tools.cli.Tool;
import dev.concierge.tools.cli.ToolRunner;
import dev.concierge.tools.nodes.NodeLauncher;
import dev.concierge.tools.nodes.NodePorts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/concierge dev}: one node on this machine, from a fresh clone. bin/concierge builds and
 * starts the services; this command checks the ports, sets up (dev bundles, topics, demo catalog),
 * runs the node with its output on this terminal, optionally streams synthetic shoppers, publishes
 * the dev bundles, prints the banner and waits for the node. Ctrl-C or SIGTERM stops what it started.
 */
@Command(
    name = "dev",
    sortOptions = false,
    description = {
      "Runs Concierge on this machine, from a fresh clone:",
      "  1. builds (mvn -B -q -DskipTests install) if tools/target/runtime-classpath.txt is missing or stale or older"
          + " than a pom.xml or a file under */src (bin/concierge dev --no-build skips this)",
      "  2. starts Kafka and Cassandra unless they already run, or unless CONCIERGE_KAFKA_BOOTSTRAP /"
          + " CONCIERGE_CASSANDRA_CONTACT_POINT name the ones to use",
      "  3. runs the dev setup (dev bundles, topics, demo catalog; see bin/concierge dev-setup --help)",
      "  4. starts the node (dev.concierge.Main, -Dconfig.resource=dev.conf), waits for /health/ready, publishes the"
          + " dev bundles, prints the URLs and example requests",
      "  5. with --simulate, streams synthetic shoppers into customer-events in the background:"
          + " `concierge simulate --kafka --customers 1000 --events 1000000 --seed 1 --rate 20` (see bin/concierge"
          + " simulate --help), its progress in .concierge/simulate.log",
      "The HTTP, remoting and management ports are dev.conf's, or CONCIERGE_HTTP_PORT, CONCIERGE_REMOTE_PORT,"
          + " CONCIERGE_MANAGEMENT_PORT; each must be free.",
      "The admin token is CONCIERGE_ADMIN_TOKEN, else .concierge/admin-token, created once (mode 600) and reused.",
      "The server key, which GET /v1/customers/{id}/features needs, is CONCIERGE_SERVER_KEY, else the admin token.",
      "Without CONCIERGE_PUBLISHABLE_KEY, /v1/events and /v1/decisions stay open, as the curl examples below need.",
      "While the node runs, .concierge/admin-urls names it: bin/concierge admin models then needs no flags.",
      "Ctrl-C stops the simulation and the node, then the services this command started (services already running"
          + " stay up).",
      "bin/concierge dev also takes --no-build: do not rebuild, even if sources changed.",
      "Environment:",
      "  CONCIERGE_NODE_JAVA_HOME     JDK 17+ for the node and the tools (default: the newest JDK 21+ in /usr/lib/jvm,",
      "                               else the Java 17 of the services)",
      "  CONCIERGE_NODE_JVM_OPTS      JVM flags for the node (default: -Xms1g -Xmx1g -XX:+UseG1GC)",
      "  CONCIERGE_SIMULATE_JVM_OPTS  JVM flags for the simulation (default: none)",
      "  CONCIERGE_NODE_START_TIMEOUT seconds to wait for /health/ready (default 120)",
      "  CONCIERGE_NODE_STOP_TIMEOUT  seconds before a node that was told to stop is killed (default 60)",
      "  and the services' variables (see bin/concierge services --help)."
    })
public final class DevCommand extends Tool {

  static final String CONFIG = "dev";
  static final String TAG = "dev";
  static final String URLS_HEADER = "# written by bin/concierge dev";
  private static final String BUNDLE_VARIABLE = "CONCIERGE_DEV_BUNDLE";
  private static final String DEFAULT_BUNDLE = "dev-gradient-boosted-trees";
  private static final String SIMULATE_JVM_OPTS = "CONCIERGE_SIMULATE_JVM_OPTS";
  private static final String HTTP_PORT = "CONCIERGE_HTTP_PORT";
  private static final String SERVER_KEY = "CONCIERGE_SERVER_KEY";
  private static final long SIMULATION_STOP_SECONDS = 10;
  private static final int MAX_PORT = 65535;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default CONCIERGE_HTTP_PORT, else dev.conf's)")
  private Integer port;

  @Option(names = "--simulate", description = "stream synthetic shoppers once the node is ready; these change its"
      + " defaults:")
  private boolean simulate;

  @Option(names = "--rate", paramLabel = "R", converter = Converters.EventRate.class, defaultValue = "20",
      description = "  events per second (default ${DEFAULT-VALUE})")
  private double rate;

  @Option(names = "--customers", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "1000",
      description = "  shoppers (default ${DEFAULT-VALUE})")
  private int customers;

  @Option(names = "--events", paramLabel = "M", converter = Converters.PositiveLong.class, defaultValue = "1000000",
      description = "  events in all (default ${DEFAULT-VALUE}, about 14 hours at 20 per second)")
  private long events;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "  the seed (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--check-only", hidden = true, description = "for bin/concierge, before it starts the services:"
      + " check the command line and the ports, and start nothing")
  private boolean checkOnly;

  /** The shoppers that --simulate streams. */
  record Simulation(int customers, long events, long seed, double rate) {
    /** The rate as typed: 20, not 20.0. */
    String rateText() {
      return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }
  }

  private final IntPredicate portInUse = NodeLauncher::portTaken;
  private final Object lock = new Object();
  private Process node;
  private Process simulation;
  private boolean stopped;
  private boolean recordedUrls;
  private AdminEnvironment admin;
  private NodeLauncher launcher;

  /** --port, when given; checked. */
  Optional<Integer> port() {
    if (port != null && (port < 1 || port > MAX_PORT)) {
      throw usageError("--port: '" + port + "' is not a valid TCP port");
    }
    return Optional.ofNullable(port);
  }

  /** The simulation --simulate asks for; the simulation's options without it are a usage error. */
  Optional<Simulation> simulation() {
    if (!simulate) {
      Stream.of("--customers", "--events", "--seed", "--rate")
          .filter(name -> spec().commandLine().getParseResult().hasMatchedOption(name)).findFirst()
          .ifPresent(name -> {
            throw usageError(name + " goes with --simulate");
          });
      return Optional.empty();
    }
    return Optional.of(new Simulation(customers, events, seed, rate));
  }

  @Override
  protected void run() throws Exception {
    long started = System.nanoTime();
    Optional<Simulation> shoppers = simulation();
    Map<String, String> environment = new HashMap<>(environment());
    port().ifPresent(given -> environment.put(HTTP_PORT, Integer.toString(given)));
    NodePorts ports = NodePorts.of(CONFIG, environment);
    NodeLauncher.requireFree(portInUse, ports.httpPort(), "", "stop that process, or choose another port: --port N"
        + " (or " + HTTP_PORT + "=N)");
    NodeLauncher.requireFree(portInUse, ports.remotePort(), "", "is another node running? Stop it, or set"
        + " CONCIERGE_REMOTE_PORT=<port>");
    // Pekko Management, on since dev sets an admin token
    NodeLauncher.requireFree(portInUse, ports.managementPort(), "", "is another node running? Stop it, or set"
        + " CONCIERGE_MANAGEMENT_PORT=<port>");
    if (checkOnly) {
      return;
    }

    // the token the admin CLI will send: CONCIERGE_ADMIN_TOKEN, else the token file, written now if there is none
    admin = new AdminEnvironment(environment);
    String token = AdminToken.resolveOrCreate(Optional.empty(), admin, err()).value();
    environment.put(AdminEnvironment.TOKEN_VARIABLE, token);
    // features need the server key: CONCIERGE_SERVER_KEY, else dev's one local secret, the admin token.
    // no publishable key unless the environment sets one: /v1/events and /v1/decisions stay open, as the banner shows
    environment.merge(SERVER_KEY, token, (given, fallback) -> given.isBlank() ? fallback : given);
    environment.put(HTTP_PORT, Integer.toString(ports.httpPort()));
    launcher = new NodeLauncher(NodeLauncher.settings(environment), portInUse, err(), TAG);
    Path stateDir = launcher.settings().stateDir();
    Path bundles = stateDir.resolve("bundles");

    long setup = System.nanoTime();
    log("running concierge dev-setup (dev bundles, topics, demo catalog) ...");
    DevSetup.setUp(ConfigFactory.load(CONFIG).getConfig("concierge"), bundles, out());
    log("setup done in " + NodeLauncher.elapsedSince(setup));

    Thread hook = new Thread(this::stop, "dev-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      int exitCode = runNode(ports, started, shoppers, stateDir, bundles, token, environment);
      if (!signalled()) {
        log("the node exited (code " + exitCode + ")");
      }
      exitCode(exitCode);
    } catch (RuntimeException e) {
      // after Ctrl-C or SIGTERM the node's end is the hook's doing, not a failure
      if (!signalled()) {
        throw e;
      }
    } finally {
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook runs anyway
      }
    }
  }

  private int runNode(NodePorts ports, long started, Optional<Simulation> shoppers,
      Path stateDir, Path bundles, String token, Map<String, String> environment) throws InterruptedException {
    List<String> jvm = launcher.settings().jvm();
    log("starting node: " + Path.of(jvm.get(0)).getParent().getParent().getFileName() + " "
        + String.join(" ", jvm.subList(1, jvm.size())) + " -Dconfig.resource=" + CONFIG + ".conf "
        + NodeLauncher.MAIN_CLASS);
    synchronized (lock) {
      if (stopped) {
        throw new IllegalStateException("interrupted");
      }
      node = launcher.startAttached(ports);
    }
    long waited = System.nanoTime();
    Process launched = node;
    launcher.awaitReady(ports, launched.toHandle(), "the node", "", () -> new IllegalStateException(
        "the node exited during startup (exit code " + launched.exitValue() + ")"));
    log("node ready in " + NodeLauncher.elapsedSince(waited));
    // `bin/concierge admin` asks this node, with no flags, until dev stops
    synchronized (lock) {
      admin.recordUrls(URLS_HEADER, List.of(ports.httpUrl()));
      recordedUrls = true;
    }
    Path simulationLog = stateDir.resolve("simulate.log");
    shoppers.ifPresent(shopping -> startSimulation(shopping, simulationLog, environment));
    log("up in " + NodeLauncher.elapsedSince(started));
    publishBundles(bundles, ports, environment);
    out().print(banner(ports, node.pid(), token, environment, shoppers, simulationLog));
    out().flush();
    return node.waitFor();
  }

  /** The dev bundles, through the admin API (a version published before is kept); failures are warnings. */
  private void publishBundles(Path bundles, NodePorts ports, Map<String, String> environment) {
    publishBundles(runner(), bundles, ports.httpUrl(), environment, out(), err(), TAG);
  }

  /**
   * Publishes the dev bundles in {@code bundles} to the node at {@code node} through the admin API (a version
   * published before is kept) and activates {@link #activeBundle} unless a version is active already; a failure
   * is a warning tagged {@code [tag]}. The admin token is the environment's; {@code tools} runs the command.
   */
  public static void publishBundles(ToolRunner tools, Path bundles, URI node, Map<String, String> environment,
      PrintStream out, PrintStream err, String tag) {
    int published = tools.run(new String[] {"admin", "models", "publish-dir", bundles.toString(),
        "--activate-if-none", activeBundle(environment), "--url", node.toString(), "--log-tag", tag}, out, err,
        environment);
    if (published != 0) {
      err.println("[" + tag + "] WARNING: publishing the dev bundles failed (see above)");
    }
  }

  /** The dev bundle activated when none is: CONCIERGE_DEV_BUNDLE, else the boosted trees. */
  public static String activeBundle(Map<String, String> environment) {
    return Optional.ofNullable(environment.get(BUNDLE_VARIABLE)).filter(name -> !name.isBlank())
        .orElse(DEFAULT_BUNDLE);
  }

  /**
   * Synthetic shoppers into Kafka, a JVM of the tools in the background; its output goes to a log, so that
   * it does not garble the node's; one line on this terminal says how it ended.
   */
  private void startSimulation(Simulation shoppers, Path logFile, Map<String, String> environment) {
    log("streaming synthetic shoppers into Kafka: " + shoppers.customers() + " customers, " + shoppers.events()
        + " events at " + shoppers.rateText() + "/s (seed " + shoppers.seed() + "), log in " + logFile);
    ProcessBuilder builder = new ProcessBuilder(simulationCommand(entryPoint(), shoppers, environment))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(logFile.toFile())
        .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    synchronized (lock) {
      if (stopped) {
        return;
      }
      try {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        simulation = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the simulation: " + e.getMessage(), e);
      }
    }
    simulation.onExit().thenAccept(ended -> {
      synchronized (lock) {
        if (!stopped) {
          err().println("[simulate] " + outcome(ended.exitValue(), logFile));
        }
      }
    });
  }

  /**
   * {@code concierge simulate --kafka ...} on this JVM's java and classpath, with CONCIERGE_SIMULATE_JVM_OPTS;
   * {@code entryPoint} is the class whose main runs the tools.
   */
  static List<String> simulationCommand(String entryPoint, Simulation shoppers, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Optional.ofNullable(environment.get(SIMULATE_JVM_OPTS)).filter(opts -> !opts.isBlank())
        .ifPresent(opts -> command.addAll(List.of(opts.strip().split("\\s+"))));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), entryPoint, "simulate",
        "--kafka", "--customers", Integer.toString(shoppers.customers()), "--events", Long.toString(shoppers.events()),
        "--seed", Long.toString(shoppers.seed()), "--rate", shoppers.rateText()));
    return command;
  }

  /** The simulation's last line when it finished, else its exit code and first error. */
  static String outcome(int exitCode, Path logFile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      lines = List.of();
    }
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    if (exitCode == 0) {
      return last;
    }
    return "stopped with exit code " + exitCode + ": "
        + lines.stream().filter(line -> line.startsWith("error: ")).findFirst().orElse(last) + " (log: " + logFile
        + ")";
  }

  /** Whether the stop began before this run ended: a signal's shutdown hook. */
  private boolean signalled() {
    synchronized (lock) {
      return stopped;
    }
  }

  /** Stops the simulation and the node, and forgets the admin URL; once, from the end of run or a signal. */
  private void stop() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    if (simulation != null && simulation.isAlive()) {
      log("stopping the shopper simulation (pid " + simulation.pid() + ")");
      simulation.destroy();
      try {
        if (!simulation.waitFor(SIMULATION_STOP_SECONDS, TimeUnit.SECONDS)) {
          simulation.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (node != null && node.isAlive()) {
      log("stopping the node (pid " + node.pid() + ")");
      launcher.stop(TAG, node.toHandle());
    }
    if (recordedUrls) {
      admin.recordUrls(URLS_HEADER, List.of());
    }
  }

  private void log(String message) {
    err().println("[" + TAG + "] " + message);
  }

  /** What dev prints once the node is up: where everything is, and requests to try. */
  static String banner(NodePorts node, long pid, String token, Map<String, String> environment,
      Optional<Simulation> shoppers, Path simulationLog) {
    String api = node.httpUrl().toString();
    String kafka = Optional.ofNullable(environment.get("CONCIERGE_KAFKA_BOOTSTRAP")).filter(v -> !v.isBlank())
        .orElse(node.httpHost() + ":9092");
    String cassandra = Optional.ofNullable(environment.get("CONCIERGE_CASSANDRA_CONTACT_POINT")).orElse("");
    String serverKey = Optional.ofNullable(environment.get(SERVER_KEY)).filter(v -> !v.isBlank()).orElse(token);
    StringBuilder text = new StringBuilder("""

          Concierge is running (node pid %1$s)
            demo      %2$s/demo/   (a storefront on the browser SDK)
            API       %2$s/v1
            health    %2$s/health/ready
            admin     %2$s/admin/models   (Authorization: Bearer %3$s), or bin/concierge admin models
            cluster   %2$s/admin/shards   and Pekko Management http://%4$s:%5$s/cluster/members (same token)
            features  %2$s/v1/customers/c-42/features   (Authorization: Bearer %8$s)
            Kafka     %6$s    Cassandra %7$s
        """.formatted(pid, api, token, node.httpHost(), node.managementPort(), kafka, cassandra, serverKey));
    shoppers.ifPresent(shopping -> text.append("""
            Shoppers  %1$s synthetic, %2$s events at %3$s/s into customer-events (seed %4$s)
                      sim-c-1..sim-c-%1$s, e.g. %5$s/v1/customers/sim-c-1/features
                      progress in %6$s
        """.formatted(shopping.customers(), shopping.events(), shopping.rateText(), shopping.seed(), api,
        simulationLog)));
    text.append("""

          Try:
            curl -s -X POST %1$s/v1/events -H 'Content-Type: application/json' \\
              -d '{"eventId":"e-1","customerId":"c-42","type":"view","itemId":"sku-7","timestamp":"2026-11-26T10:00:00Z"}'
            curl -s -X POST %1$s/v1/decisions -H 'Content-Type: application/json' \\
              -d '{"customerId":"c-42","limit":10}'
            curl -s %1$s/v1/customers/c-42/features -H 'Authorization: Bearer %4$s'
            echo '{"eventId":"e-2","customerId":"c-42","type":"view","itemId":"sku-9","timestamp":"2026-11-26T10:01:00Z"}' \\
              | kcat -P -b %2$s -t customer-events -k c-42

          Ctrl-C stops the node%3$s (and the services this command started).

        """.formatted(api, kafka, shoppers.isPresent() ? " and the simulation" : "", serverKey));
    return text.toString();
  }
}
