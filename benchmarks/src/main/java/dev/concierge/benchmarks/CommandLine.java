package dev.concierge.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a benchmark command. An option may repeat; an unknown option
 * or a value that does not parse fails with a message naming it.
 */
public final class CommandLine {

  private final Map<String, List<String>> values;
  private final boolean help;

  private CommandLine(Map<String, List<String>> values, boolean help) {
    this.values = values;
    this.help = help;
  }

  /** @param names the options the command knows, without their dashes */
  public static CommandLine parse(String[] args, Set<String> names) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      String name = arg.startsWith("--") ? arg.substring(2) : "";
      if (!names.contains(name)) {
        throw new IllegalArgumentException("unknown option '" + arg + "'; run with --help for the options");
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
    }
    return new CommandLine(values, help);
  }

  /**
   * The command line of a tool's {@code main}: exits after printing {@code usage} for {@code --help}
   * (status 0), and after naming what is wrong for an option that does not parse (status 2).
   */
  public static CommandLine ofTool(String tool, String usage, String[] args, Set<String> names) {
    try {
      CommandLine line = parse(args, names);
      if (line.help()) {
        System.out.println(usage);
        System.exit(0);
      }
      return line;
    } catch (IllegalArgumentException e) {
      return exitWithUsage(tool, e.getMessage(), usage);
    }
  }

  /** Prints what is wrong and the usage, then exits with status 2. */
  public static CommandLine exitWithUsage(String tool, String problem, String usage) {
    System.err.println(tool + ": " + problem + "\n\n" + usage);
    System.exit(2);
    throw new AssertionError("unreachable: the JVM has exited");
  }

  public boolean help() {
    return help;
  }

  public String text(String name, String fallback) {
    List<String> given = values.get(name);
    return given == null ? fallback : given.get(given.size() - 1);
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public int positive(String name, int fallback) {
    int value = parse(name, text(name, Integer.toString(fallback)), Integer::parseInt);
    if (value <= 0) {
      throw new IllegalArgumentException("--" + name + " must be 1 or more, not " + value);
    }
    return value;
  }

  public List<Integer> positives(String name, String fallback) {
    return Arrays.stream(text(name, fallback).split(","))
        .map(String::trim)
        .map(value -> parse(name, value, Integer::parseInt))
        .peek(value -> {
          if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " takes numbers of 1 or more, not " + value);
          }
        })
        .toList();
  }

  /** A duration such as {@code 30s}, {@code 500ms} or {@code 2m}. */
  public Duration duration(String name, String fallback) {
    return parse(name, text(name, fallback), CommandLine::duration);
  }

  private static Duration duration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      default -> throw new IllegalArgumentException("not a duration: " + text);
    };
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(String name, String text, Parser<T> parser) {
    try {
      return parser.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--" + name + " " + text + " does not parse: " + e.getMessage(), e);
    }
  }
}
