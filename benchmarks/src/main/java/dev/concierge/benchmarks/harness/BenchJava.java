package dev.concierge.benchmarks.harness;

import dev.concierge.benchmarks.harness.BenchSettings.Collector;
import dev.concierge.benchmarks.harness.BenchSettings.JvmShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK of a bench's JVMs (our node, the baseline's, the load generators, JMH), and the flags of the designs'
 * JVMs: the same JDK and the same flags for our node and the baseline, so that a ratio measures the design, not
 * the collector.
 *
 * @param feature its feature release, 17 or 25
 */
record BenchJava(Path home, int feature) {

  static final String HOME_VARIABLE = "CONCIERGE_BENCH_JAVA_HOME";
  static final String OPTIONS_VARIABLE = "CONCIERGE_BENCH_JVM_OPTS";
  // the release file of a JDK: JAVA_VERSION="25.0.1" (or "1.8.0_392" before Java 9)
  private static final Pattern RELEASE = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);
  /** What a JDK without a release file is taken for: the oldest the project runs on. */
  private static final int OLDEST = 17;

  /** CONCIERGE_BENCH_JAVA_HOME, else the first installed JDK that {@code preferred} matches, else this JVM's. */
  static BenchJava find(Map<String, String> environment, String preferred) {
    Path home = variable(environment, HOME_VARIABLE).map(Path::of)
        .or(() -> installed(preferred))
        .orElse(Path.of(System.getProperty("java.home")));
    BenchJava java = new BenchJava(home, feature(home));
    if (!Files.isExecutable(java.executable())) {
      throw new IllegalStateException("no java at " + java.executable() + " (" + HOME_VARIABLE + ")");
    }
    return java;
  }

  private static Optional<Path> installed(String glob) {
    Path directory = Path.of(glob).getParent();
    PathMatcher matches = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> homes = Files.list(directory)) {
      return homes.filter(matches::matches).filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
          .sorted().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int feature(Path home) {
    try {
      Matcher version = RELEASE.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
      return version.find() ? Integer.parseInt(version.group(1)) : OLDEST;
    } catch (IOException e) {
      return OLDEST;
    }
  }

  Path executable() {
    return home.resolve("bin").resolve("java");
  }

  /**
   * The designs' flags: CONCIERGE_BENCH_JVM_OPTS when set, else a fixed, pre-touched heap and the shape's
   * collector, ZGC only from Java {@code zgcFrom} on.
   */
  List<String> flags(JvmShape shape, int zgcFrom, Map<String, String> environment) {
    Optional<String> given = variable(environment, OPTIONS_VARIABLE);
    if (given.isPresent()) {
      return Arrays.asList(given.get().strip().split("\\s+"));
    }
    String collector = shape.collector() == Collector.ZGC && feature >= zgcFrom ? "-XX:+UseZGC" : "-XX:+UseG1GC";
    return List.of("-Xms" + shape.heap(), "-Xmx" + shape.heap(), collector, "-XX:+AlwaysPreTouch");
  }

  static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
  }
}
