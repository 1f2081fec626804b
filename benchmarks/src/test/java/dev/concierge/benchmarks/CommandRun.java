package dev.concierge.benchmarks;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** What a command line printed and its exit code, run in this JVM as its {@code main} would run it. */
public record CommandRun(int exit, String out, String err) {

  public static CommandRun of(CommandLine line, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
