package dev.concierge.benchmarks.baseline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server of the test's own, started and stopped by the project's launcher
 * ({@code bin/concierge services start|stop redis}) on a free port, with its files in the test's
 * directory. The launcher installs redis-server with apt-get when it is missing.
 */
final class LaunchedRedis implements AutoCloseable {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Duration LAUNCHER_TIMEOUT = Duration.ofMinutes(3);
  private static final String URI_VARIABLE = "CONCIERGE_REDIS_URI=";

  private final Path stateDir;
  private final int port;
  private final String uri;

  private LaunchedRedis(Path stateDir, int port, String uri) {
    this.stateDir = stateDir;
    this.port = port;
    this.uri = uri;
  }

  static LaunchedRedis start(Path stateDir) throws IOException, InterruptedException {
    int port = freePort();
    launcher(stateDir, port, "start");
    String uri =
        Files.readAllLines(stateDir.resolve("services.env")).stream()
            .filter(line -> line.startsWith(URI_VARIABLE))
            .map(line -> line.substring(URI_VARIABLE.length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the launcher wrote no " + URI_VARIABLE + " into services.env"));
    return new LaunchedRedis(stateDir, port, uri);
  }

  String uri() {
    return uri;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    launcher(stateDir, port, "stop");
  }

  private static void launcher(Path stateDir, int port, String action) throws IOException, InterruptedException {
    Path log = stateDir.resolve("launcher-" + action + ".log");
    Files.createDirectories(stateDir);
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", REPO.resolve("bin/concierge").toString(), "services", action, "redis"))
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("CONCIERGE_STATE_DIR", stateDir.toString());
    builder.environment().put("CONCIERGE_REDIS_PORT", Integer.toString(port));
    Process process = builder.start();
    if (!process.waitFor(LAUNCHER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/concierge services " + action + " redis did not finish; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "bin/concierge services " + action + " redis failed (exit " + process.exitValue() + "): " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
