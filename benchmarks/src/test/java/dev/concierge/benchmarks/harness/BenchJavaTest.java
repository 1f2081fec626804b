package dev.concierge.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.benchmarks.harness.BenchSettings.Collector;
import dev.concierge.benchmarks.harness.BenchSettings.JvmShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchJavaTest {

  private static final JvmShape DECISIONS = new JvmShape("1g", Collector.ZGC);
  private static final JvmShape INGESTION = new JvmShape("3g", Collector.G1);
  private static final int ZGC_FROM = 21;

  @TempDir
  Path jvms;

  @Test
  void theDesignsGetAFixedPreTouchedHeapAndZgcFromJava21() {
    assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+UseZGC", "-XX:+AlwaysPreTouch"),
        new BenchJava(jvms, 25).flags(DECISIONS, ZGC_FROM, Map.of()));
  }

  @Test
  void belowJava21TheyRunG1() {
    assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"),
        new BenchJava(jvms, 17).flags(DECISIONS, ZGC_FROM, Map.of()));
  }

  @Test
  void aBenchmarkThatAsksForG1GetsItOnAnyJava() {
    assertEquals(List.of("-Xms3g", "-Xmx3g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"),
        new BenchJava(jvms, 25).flags(INGESTION, ZGC_FROM, Map.of()));
  }

  @Test
  void theFlagsOfTheEnvironmentReplaceThemAll() {
    assertEquals(List.of("-Xmx2g", "-XX:+UseParallelGC"), new BenchJava(jvms, 25).flags(INGESTION, ZGC_FROM,
        Map.of(BenchJava.OPTIONS_VARIABLE, "  -Xmx2g   -XX:+UseParallelGC ")));
  }

  @Test
  void theJdkNamedInTheEnvironmentWinsAndItsReleaseFileGivesItsVersion() throws IOException {
    Path home = jdk("named", "JAVA_VERSION=\"21.0.4\"\n");
    jdk("temurin-25-jdk", "JAVA_VERSION=\"25.0.1\"\n");

    BenchJava java = BenchJava.find(Map.of(BenchJava.HOME_VARIABLE, home.toString()), jvms + "/temurin-25*");

    assertEquals(new BenchJava(home, 21), java);
  }

  @Test
  void withoutOneTheFirstInstalledJdkThatMatchesThePreferenceRuns() throws IOException {
    Path preferred = jdk("temurin-25-jdk", "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
    jdk("openjdk-17", "JAVA_VERSION=\"17.0.12\"\n");

    assertEquals(new BenchJava(preferred, 25), BenchJava.find(Map.of(), jvms + "/temurin-25*"));
  }

  @Test
  void withNoneInstalledTheJvmOfTheHarnessRuns() {
    BenchJava java = BenchJava.find(Map.of(), jvms + "/temurin-25*");

    assertEquals(Path.of(System.getProperty("java.home")), java.home());
    assertEquals(Runtime.version().feature(), java.feature());
  }

  @Test
  void aNamedJdkWithoutJavaFails() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> BenchJava.find(Map.of(BenchJava.HOME_VARIABLE, jvms.toString()), jvms + "/none*"));

    assertTrue(refused.getMessage().contains(BenchJava.HOME_VARIABLE), refused.getMessage());
  }

  private Path jdk(String name, String release) throws IOException {
    Path home = Files.createDirectories(jvms.resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("release"), release);
    return home;
  }
}
