package dev.concierge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's own threads per operation ({@code cpu.time.norm}, ns/op): on a machine that
 * other builds share, a thread waiting for a core adds to the wall-clock score but not to this. Cache misses
 * that the other processes cause still count. Setup that runs inside an iteration ({@code Level.Invocation})
 * counts too, so use it only for benchmarks without such setup. Run with
 * {@code -prof dev.concierge.benchmarks.ThreadCpuProfiler}.
 */
public final class ThreadCpuProfiler implements InternalProfiler {

  private static final String WORKER_NAME = "jmh-worker";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Map<Long, Long> cpuNanosBefore = Map.of();

  @Override
  public String getDescription() {
    return "CPU time of the benchmark threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuNanosBefore = workerCpuNanos();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    Map<Long, Long> after = workerCpuNanos();
    if (after.isEmpty()) {
      throw new IllegalStateException("no thread named *" + WORKER_NAME + "*: JMH names its threads differently");
    }
    long used = 0;
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      // a worker started during the iteration had used nothing before it
      used += thread.getValue() - cpuNanosBefore.getOrDefault(thread.getKey(), 0L);
    }
    double perOperation = (double) used / result.getMetadata().getAllOps();
    return List.of(new ScalarResult("cpu.time.norm", perOperation, "ns/op", AggregationPolicy.AVG));
  }

  private Map<Long, Long> workerCpuNanos() {
    Map<Long, Long> cpuNanos = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(WORKER_NAME)) {
        cpuNanos.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return cpuNanos;
  }
}
