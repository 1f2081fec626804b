package dev.concierge.benchmarks.harness;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The harness's settings, {@code concierge.bench} in the module's reference.conf: the bench's port layout, how
 * the designs' JVMs are started, and its timeouts.
 *
 * @param ports                the bench's ports, in the order the help lists them
 * @param preferredJava        a glob of the JDK to prefer when CONCIERGE_BENCH_JAVA_HOME is unset
 * @param zgcFromJava          the first Java that runs the designs on ZGC; older ones run G1
 * @param cassandraJvmOptions  Cassandra's flags in a benchmark, unless CONCIERGE_CASSANDRA_JVM_OPTS is set
 * @param pollEvery            how often a process that is starting is asked whether it answers
 */
record BenchSettings(
    List<BenchPorts.Port> ports, String preferredJava, int zgcFromJava, JvmShape decisions, JvmShape ingestion,
    String cassandraJvmOptions, Duration nodeStartTimeout, Duration baselineStartTimeout, Duration stopTimeout,
    Duration pollEvery, Wrk wrk) {

  private static final String PATH = "concierge.bench";

  /** The heap and the collector of the designs' JVMs in one benchmark. */
  record JvmShape(String heap, Collector collector) {
    static JvmShape fromConfig(Config jvm) {
      String collector = jvm.getString("collector");
      try {
        return new JvmShape(jvm.getString("heap"), Collector.valueOf(collector.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(jvm.origin(), "collector", "'" + collector + "' is neither zgc nor g1", e);
      }
    }
  }

  /** ZGC runs only from {@link #zgcFromJava()} on; older JVMs run G1 instead. */
  enum Collector { ZGC, G1 }

  /** The wrk cross-check's closed loop. */
  record Wrk(int threads, int connections, Duration duration) {}

  /** From the reference.conf files on the classpath (this module's holds the block). */
  static BenchSettings load() {
    return fromConfig(ConfigFactory.defaultReferenceUnresolved().getConfig(PATH).resolve());
  }

  static BenchSettings fromConfig(Config bench) {
    Config wrk = bench.getConfig("wrk");
    return new BenchSettings(
        bench.getConfigList("ports").stream()
            .map(port -> new BenchPorts.Port(port.getString("variable"), port.getInt("port"), port.getString("of")))
            .toList(),
        bench.getString("preferred-java"),
        bench.getInt("zgc-from-java"),
        JvmShape.fromConfig(bench.getConfig("decisions.jvm")),
        JvmShape.fromConfig(bench.getConfig("ingestion.jvm")),
        bench.getString("cassandra-jvm-options"),
        bench.getDuration("node-start-timeout"),
        bench.getDuration("baseline-start-timeout"),
        bench.getDuration("stop-timeout"),
        bench.getDuration("poll-every"),
        new Wrk(wrk.getInt("threads"), wrk.getInt("connections"), wrk.getDuration("duration")));
  }
}
