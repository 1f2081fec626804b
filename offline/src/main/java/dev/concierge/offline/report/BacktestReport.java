package dev.concierge.offline.report;

import dev.concierge.offline.backtest.AbResult;
import dev.concierge.offline.backtest.BacktestResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Renders a backtest, and optionally the A/B check of logged decisions, as {@code report.json} and a
 * self-contained {@code report.html}. Rendering only: whoever calls it writes the bytes.
 */
public final class BacktestReport {

  /** The list length of the headline metrics; the JSON contract names it ({@code hr@10}). */
  public static final int REPORTED_K = 10;

  private final BacktestResult result;
  private final AbResult abTest;

  private BacktestReport(BacktestResult result, AbResult abTest) {
    this.result = result;
    this.abTest = abTest;
  }

  /** @throws IllegalArgumentException when the backtest judged lists shorter than {@link #REPORTED_K} */
  public static BacktestReport of(BacktestResult result) {
    Objects.requireNonNull(result, "result");
    if (result.settings().maxK() < REPORTED_K) {
      throw new IllegalArgumentException(
          "the report needs lists of at least " + REPORTED_K + " items; the backtest judged "
              + result.settings().maxK());
    }
    return new BacktestReport(result, null);
  }

  /** This report with an A/B section. */
  public BacktestReport withAbTest(AbResult abTest) {
    return new BacktestReport(result, Objects.requireNonNull(abTest, "abTest"));
  }

  /** {@code report.json}, UTF-8. */
  public byte[] json() {
    return ReportJson.render(result, abTest);
  }

  /** {@code report.html}, UTF-8, as its {@code meta charset} declares. */
  public byte[] html() {
    return ReportHtml.render(result, abTest).getBytes(StandardCharsets.UTF_8);
  }
}
