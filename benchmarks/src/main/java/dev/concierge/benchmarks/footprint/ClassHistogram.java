package dev.concierge.benchmarks.footprint;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live objects by class, from the JVM's own {@code GC.class_histogram} diagnostic command (what
 * {@code jmap -histo:live} prints): the difference of two tells where the bytes of an entity go.
 */
final class ClassHistogram {

  private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
  /** A row: rank, instances, bytes, class name (and the module, which is ignored). */
  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  /** Instances and bytes of one class. */
  record Row(String className, long instances, long bytes) {}

  private final Map<String, Row> rows;

  private ClassHistogram(Map<String, Row> rows) {
    this.rows = rows;
  }

  /** The live objects now; the command collects garbage first. */
  static ClassHistogram take() {
    String text;
    try {
      text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName(DIAGNOSTIC_COMMAND), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("this JVM has no class histogram command", e);
    }
    Map<String, Row> rows = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        String className = row.group(3);
        rows.merge(className, new Row(className, Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
            (a, b) -> new Row(className, a.instances() + b.instances(), a.bytes() + b.bytes()));
      }
    }
    return new ClassHistogram(rows);
  }

  /** The classes that grew most from {@code before} to this one, as a Markdown table per entity. */
  String growthSince(ClassHistogram before, int entities, int top) {
    List<Row> grown = rows.values().stream()
        .map(row -> {
          Row old = before.rows.getOrDefault(row.className(), new Row(row.className(), 0, 0));
          return new Row(row.className(), row.instances() - old.instances(), row.bytes() - old.bytes());
        })
        .sorted(Comparator.comparingLong(Row::bytes).reversed())
        .toList();
    StringBuilder table = new StringBuilder("| class | objects/entity | B/entity |\n|---|---:|---:|\n");
    long shown = 0;
    for (Row row : grown.subList(0, Math.min(top, grown.size()))) {
      table.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.1f |%n",
          row.className(), row.instances() / (double) entities, row.bytes() / (double) entities));
      shown += row.bytes();
    }
    long total = grown.stream().mapToLong(Row::bytes).sum();
    table.append(String.format(Locale.ROOT, "| other classes | | %.1f |%n", (total - shown) / (double) entities));
    table.append(String.format(Locale.ROOT, "| **total** | | **%.1f** |%n", total / (double) entities));
    return table.toString();
  }
}
