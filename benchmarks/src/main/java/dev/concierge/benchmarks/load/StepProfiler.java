package dev.concierge.benchmarks.load;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.concierge.benchmarks.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * async-profiler attached to a running JVM for one step: CPU samples with native and kernel frames
 * ({@code event=cpu}, perf events), or, where the kernel refuses perf events, {@code event=itimer}, which has no
 * kernel frames. It writes a flame graph ({@code .html}) and the collapsed stacks ({@code .collapsed}, one line per
 * stack with its samples; kernel frames end in {@code _[k]}), which can be compared between runs.
 *
 * <p>The library comes from async-profiler's jar on the classpath and is loaded into the target through the JDK's
 * attach API, as {@code asprof} does; each command (start, stop, dump) is one attach.
 */
final class StepProfiler {

  /** The event with kernel frames, and the one without that needs no perf events. */
  static final List<String> EVENTS = List.of("cpu", "itimer");
  private static final String LIBRARY = "libasyncProfiler.so";
  private static final String KERNEL_FRAME = "_[k]";

  /** The step to profile: {@code ours@1000}, target {@code ours} at 1,000 decisions/s (0 is the idle step). */
  record Step(String target, int rate) {

    /** {@link #parse} as a picocli converter. */
    static final class Converter extends Cli.Parsed<Step> {
      Converter() {
        super(Step::parse);
      }
    }

    static Step parse(String text) {
      int at = text.lastIndexOf('@');
      if (at <= 0 || at == text.length() - 1) {
        throw new IllegalArgumentException("a profiled step is TARGET@RATE, e.g. ours@1000, not " + text);
      }
      try {
        int rate = Integer.parseInt(text.substring(at + 1).trim());
        if (rate < 0) {
          throw new IllegalArgumentException("a profiled step's rate is 0 or more, not " + rate);
        }
        return new Step(text.substring(0, at), rate);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a profiled step's rate is a whole number: " + text, e);
      }
    }

    boolean is(String target, int rate) {
      return this.target.equals(target) && this.rate == rate;
    }
  }

  /** What a profile wrote, and what it holds. */
  record Profile(String event, Path flameGraph, Path collapsed, long samples, long kernelSamples) {

    String describe() {
      return String.format(Locale.ROOT, "flame graph %s (event %s, %,d samples, %,d with kernel frames; stacks in %s)",
          flameGraph, event, samples, kernelSamples, collapsed);
    }
  }

  private final Path library;
  private final long pid;
  private final String event;

  private StepProfiler(Path library, long pid, String event) {
    this.library = library;
    this.pid = pid;
    this.event = event;
  }

  /**
   * Starts profiling {@code pid}, every {@code interval} of CPU time, with the first of {@link #EVENTS} that the
   * kernel allows; a fallback is said on {@code progress}.
   */
  static StepProfiler start(long pid, Duration interval, PrintStream progress) {
    Path library = extractLibrary();
    String refused = null;
    for (String event : EVENTS) {
      try {
        command(library, pid, "start,event=" + event + ",interval=" + interval.toNanos());
        if (refused != null) {
          progress.println("profiler: event " + refused + " was refused (" + refused + " needs perf events), so "
              + event + " samples instead: the flame graph has no kernel frames");
        }
        return new StepProfiler(library, pid, event);
      } catch (AgentInitializationException e) {
        refused = event;
      }
    }
    throw new IllegalStateException("async-profiler could not start in process " + pid + " with any of " + EVENTS
        + " (its reason is in that process's output)");
  }

  /** Stops, and writes {@code <base>.html} and {@code <base>.collapsed}. */
  Profile stop(Path base) {
    Path html = sibling(base, ".html");
    Path collapsed = sibling(base, ".collapsed");
    try {
      Files.createDirectories(html.toAbsolutePath().getParent());
      command(library, pid, "stop,file=" + html.toAbsolutePath());
      // the samples stay until the next start, so the same profile is written again in the other format
      command(library, pid, "collapsed,file=" + collapsed.toAbsolutePath());
      return count(event, html, collapsed, Files.readAllLines(collapsed));
    } catch (AgentInitializationException e) {
      throw new IllegalStateException("async-profiler could not write its profile of process " + pid, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write or read " + collapsed, e);
    } finally {
      // the target keeps the library it loaded; the file is no longer needed
      deleteQuietly(library);
      deleteQuietly(library.getParent());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a temporary file left behind
    }
  }

  /** The samples of collapsed stacks ({@code frame;frame;... count}), all and those through a kernel frame. */
  static Profile count(String event, Path html, Path collapsed, List<String> stacks) {
    long samples = 0;
    long kernel = 0;
    for (String stack : stacks) {
      int space = stack.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      long count = Long.parseLong(stack.substring(space + 1).trim());
      samples += count;
      kernel += stack.contains(KERNEL_FRAME) ? count : 0;
    }
    return new Profile(event, html, collapsed, samples, kernel);
  }

  private static Path sibling(Path base, String extension) {
    return base.resolveSibling(base.getFileName() + extension);
  }

  private static void command(Path library, long pid, String command) throws AgentInitializationException {
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      try {
        vm.loadAgentPath(library.toString(), command);
      } finally {
        vm.detach();
      }
    } catch (AttachNotSupportedException | AgentLoadException e) {
      throw new IllegalStateException("cannot attach async-profiler to process " + pid + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot attach async-profiler to process " + pid + ": " + e.getMessage(), e);
    }
  }

  /** The native library from async-profiler's jar (linux-x64) into a directory of its own, where the target loads it. */
  private static Path extractLibrary() {
    String resource = "/linux-x64/" + LIBRARY;
    try (InputStream in = StepProfiler.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath: async-profiler's linux-x64 jar is missing"
            + " (profiles need Linux on x86-64)");
      }
      Path library = Files.createTempDirectory("async-profiler").resolve(LIBRARY);
      Files.copy(in, library);
      return library;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + resource + " into a temporary directory", e);
    }
  }
}
