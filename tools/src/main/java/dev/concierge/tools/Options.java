package dev.concierge.tools;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one tool invocation: {@code --name value} or {@code --name=value} for declared
 * valued options, {@code --name} for declared flags, and (only where the tool takes them) operands
 * such as the {@code 17} of {@code move 17 --to local2}. Anything else is a usage error that names it.
 */
public final class Options {

  private final Map<String, String> values;
  private final Set<String> flags;
  private final List<String> operands;

  private Options(Map<String, String> values, Set<String> flags, List<String> operands) {
    this.values = values;
    this.flags = flags;
    this.operands = operands;
  }

  /** Options only: an argument that is neither a declared option nor its value is a usage error. */
  public static Options parse(String[] args, Set<String> valued, Set<String> flagNames) throws UsageException {
    return parse(args, valued, flagNames, false);
  }

  /** Options and operands, in any order; the caller checks how many operands it got. */
  public static Options parseWithOperands(String[] args, Set<String> valued, Set<String> flagNames)
      throws UsageException {
    return parse(args, valued, flagNames, true);
  }

  private static Options parse(String[] args, Set<String> valued, Set<String> flagNames, boolean operandsAllowed)
      throws UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> flags = new HashSet<>();
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (flagNames.contains(arg)) {
        flags.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
      if (operandsAllowed && !arg.startsWith("-")) {
        operands.add(arg);
        continue;
      }
      if (!valued.contains(name)) {
        throw new UsageException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument '" + arg + "'");
      }
      String value;
      if (equals > 0 && arg.startsWith("--")) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException(name + " needs a value");
      }
      if (values.put(name, value) != null) {
        throw new UsageException(name + " is given twice");
      }
    }
    return new Options(values, flags, List.copyOf(operands));
  }

  public boolean has(String flag) {
    return flags.contains(flag);
  }

  public List<String> operands() {
    return operands;
  }

  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public String required(String name) throws UsageException {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("missing " + name);
    }
    return value;
  }

  public Optional<Instant> instant(String name) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new UsageException(name + " must be an ISO-8601 instant such as 2026-10-01T00:00:00Z, was '" + value + "'");
    }
  }

  public int positiveInt(String name, int defaultValue) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new UsageException(name + " must be a whole number >= 1, was '" + value + "'");
  }
}
