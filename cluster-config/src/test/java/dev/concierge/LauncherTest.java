package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bin/concierge refuses, with a message that says what to do, what cannot work. */
class LauncherTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path stateDir;

  record Result(int exitCode, String output) {}

  @Test
  void startingAServiceOnAPortThatIsTakenFailsAndNamesTheVariableToChange() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result result =
          concierge(Map.of("CONCIERGE_KAFKA_PORT", Integer.toString(taken.getLocalPort())), "services", "start", "kafka");

      assertEquals(1, result.exitCode(), result.output());
      assertTrue(result.output().contains("port 127.0.0.1:" + taken.getLocalPort() + " is already in use"), result.output());
      assertTrue(result.output().contains("CONCIERGE_KAFKA_PORT"), result.output());
    }
  }

  @Test
  void startingTheServicesWithAJavaThatIsNot17FailsAndSaysWhatIsNeeded() throws Exception {
    Path fakeJdk = fakeJdk("21");

    Result result = concierge(Map.of("CONCIERGE_JAVA17_HOME", fakeJdk.toString()), "services", "start");

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("is Java 21"), result.output());
    assertTrue(result.output().contains("need Java 17"), result.output());
  }

  /** The launcher's own commands; the JVM tools' help (dev among them) is picocli's, tested in tools' ConciergeTest. */
  @ParameterizedTest
  @ValueSource(strings = {"services", "test", "node"})
  void everyCommandExplainsItselfWithHelp(String command) throws Exception {
    Result result = concierge(Map.of(), command, "--help");

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("Usage: bin/concierge " + command), result.output());
  }

  @Test
  void anUnknownCommandIsAUsageError() throws Exception {
    Result result = concierge(Map.of(), "frobnicate");

    assertEquals(2, result.exitCode(), result.output());
    assertTrue(result.output().contains("Usage: bin/concierge <command>"), result.output());
  }

  private Path fakeJdk(String version) throws IOException {
    Path bin = Files.createDirectories(stateDir.resolve("fake-jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin.getParent();
  }

  private Result concierge(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("bin/concierge").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
    builder.environment().put("CONCIERGE_STATE_DIR", stateDir.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/concierge " + String.join(" ", args) + " did not finish");
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
