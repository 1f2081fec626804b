package dev.concierge.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options given on a command line, as they were typed, for a main that takes the same options (a shared
 * picocli mixin, or the main's own command as a mixin): the main parses them again, and applies the same
 * defaults to those not given.
 */
final class GivenOptions {

  private GivenOptions() {}

  /** {@code spec}'s options that were given (help and version aside), each with its value as typed. */
  static List<String> of(CommandSpec spec) {
    List<String> args = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      List<String> typed = option.originalStringValues();
      if (option.usageHelp() || option.versionHelp() || typed.isEmpty()) {
        continue;
      }
      if (option.arity().max() == 0) {
        args.add(option.longestName());
      } else {
        typed.forEach(value -> args.addAll(List.of(option.longestName(), value)));
      }
    }
    return args;
  }
}
