package dev.concierge.benchmarks.footprint;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the numbers were measured on: the JVM, its collector and heap, and the object layout flags. */
final class JvmDescription {

  private static final long MIB = 1024 * 1024;

  private JvmDescription() {}

  static String describe() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(", "));
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vm.vendor") + ")"
        + "; collectors: " + collectors
        + "; heap initial " + heap.getInit() / MIB + " MiB, max " + heap.getMax() / MIB + " MiB"
        + "; UseCompressedOops=" + vmOption("UseCompressedOops").orElse("n/a")
        + ", UseCompressedClassPointers=" + vmOption("UseCompressedClassPointers").orElse("n/a")
        + ", UseCompactObjectHeaders=" + vmOption("UseCompactObjectHeaders").orElse("n/a");
  }

  /** Whether objects are laid out as {@link LayoutAccounting} assumes: 12-byte headers, 4-byte references. */
  static boolean hasStandardLayout() {
    return vmOption("UseCompressedOops").map(Boolean::parseBoolean).orElse(false)
        && vmOption("UseCompressedClassPointers").map(Boolean::parseBoolean).orElse(false)
        && !vmOption("UseCompactObjectHeaders").map(Boolean::parseBoolean).orElse(false);
  }

  /** A HotSpot flag's value, or empty where this JVM has no such flag. */
  static Optional<String> vmOption(String name) {
    try {
      return Optional.of(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue());
    } catch (IllegalArgumentException unknownFlag) {
      return Optional.empty();
    }
  }
}
