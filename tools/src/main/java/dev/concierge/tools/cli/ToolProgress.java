package dev.concierge.tools.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on standard error, so a tool's results on standard output stay
 * clean. Without a known total it shows the count and rate alone.
 */
public final class ToolProgress implements AutoCloseable {

  private static final Duration UPDATE_INTERVAL = Duration.ofMillis(250);
  private static final long UNKNOWN_TOTAL = -1;

  private final ProgressBar bar;
  private final LineClosingConsumer consumer;

  private ToolProgress(ProgressBar bar, LineClosingConsumer consumer) {
    this.bar = bar;
    this.consumer = consumer;
  }

  public static ToolProgress start(String task, long total, String unit, PrintStream err) {
    LineClosingConsumer consumer = new LineClosingConsumer(new ConsoleProgressBarConsumer(err));
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total > 0 ? total : UNKNOWN_TOTAL)
            .setUnit(" " + unit, 1)
            .showSpeed()
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis((int) UPDATE_INTERVAL.toMillis())
            .setConsumer(consumer)
            .build();
    return new ToolProgress(bar, consumer);
  }

  public static ToolProgress unbounded(String task, String unit, PrintStream err) {
    return start(task, UNKNOWN_TOTAL, unit, err);
  }

  public void step() {
    bar.step();
  }

  public void stepTo(long done) {
    bar.stepTo(done);
  }

  /** Sets the total to a new estimate, for a task whose total is known better as it goes. */
  public void expect(long total) {
    bar.maxHint(total);
  }

  @Override
  public void close() {
    bar.close();
    // progressbar 0.10.1 closes in one last redraw, but when that redraw is its first one (a task done
    // before the bar's first tick) it only draws and leaves the line open; a second close then ends it
    if (!consumer.closed) {
      bar.close();
    }
  }

  /** The console consumer, remembering whether the bar ended its line. */
  private static final class LineClosingConsumer implements ProgressBarConsumer {
    private final ConsoleProgressBarConsumer console;
    private volatile boolean closed;

    LineClosingConsumer(ConsoleProgressBarConsumer console) {
      this.console = console;
    }

    @Override
    public int getMaxRenderedLength() {
      return console.getMaxRenderedLength();
    }

    @Override
    public void accept(String rendered) {
      console.accept(rendered);
    }

    @Override
    public void close() {
      closed = true;
      console.close();
    }
  }
}
