package dev.concierge.benchmarks.harness;

import dev.concierge.benchmarks.harness.BenchSettings.Wrk;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * wrk near one step, for each design, as a cross-check of the load generator: wrk is closed loop (a connection
 * waits for its answer, then a delay that caps the rate), so its latencies leave out the queueing an open-loop
 * client sees. It sends the same requests (benchmarks/wrk/decisions.lua); the report is {@code wrk.txt}.
 */
final class WrkCrossCheck {

  private static final String WRK = "wrk";
  private static final String SCRIPT = "benchmarks/wrk/decisions.lua";
  private static final long MILLIS_PER_SECOND = 1000;

  private final BenchRun run;
  private final Wrk settings;

  WrkCrossCheck(BenchRun run) {
    this.run = run;
    this.settings = run.settings().wrk();
  }

  /** wrk against each target in turn at about {@code rate} decisions per second for {@code customers}. */
  void run(int rate, int customers, List<Map.Entry<String, URI>> targets, Path out) throws IOException {
    if (!installed()) {
      run.log("installing wrk (Debian package)");
      run.output(List.of("apt-get", "install", "-y", "-q", WRK));
    }
    long delayMillis = settings.connections() * MILLIS_PER_SECOND / rate;
    Path report = out.resolve("wrk.txt");
    Files.writeString(report, "", StandardCharsets.UTF_8);
    long seconds = settings.duration().toSeconds();
    for (Map.Entry<String, URI> target : targets) {
      run.log("wrk against " + target.getKey() + ": " + settings.connections() + " connections, " + delayMillis
          + " ms between a connection's requests, " + seconds + "s");
      Files.writeString(report, "## " + target.getKey() + " (" + target.getValue() + "), wrk -t" + settings.threads()
          + " -c" + settings.connections() + " -d" + seconds + "s --latency, delay " + delayMillis + " ms\n",
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      run.environment().put("BENCH_CUSTOMERS", Integer.toString(customers));
      run.environment().put("BENCH_WRK_DELAY_MS", Long.toString(delayMillis));
      run.appendTo(report, WRK, List.of(WRK, "-t" + settings.threads(), "-c" + settings.connections(),
          "-d" + seconds + "s", "--latency", "-s", run.home().resolve(SCRIPT).toString(), target.getValue().toString()));
    }
    System.out.print(Files.readString(report, StandardCharsets.UTF_8));
  }

  private static boolean installed() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, WRK)));
  }
}
