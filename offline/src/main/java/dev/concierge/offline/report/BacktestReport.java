package dev.concierge.offline.report;

import dev.concierge.offline.backtest.AbResult;
import dev.concierge.offline.backtest.BacktestResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Renders a backtest, and optionally the A/B check of logged decisions, as {@code report.json}, a
 * self-contained {@code report.html} and a console summary. Rendering only: whoever calls it writes
 * the bytes.
 */
public final class BacktestReport {

  private final BacktestResult result;
  private final AbResult abTest;

  private BacktestReport(BacktestResult result, AbResult abTest) {
    this.result = result;
    this.abTest = abTest;
  }

  public static BacktestReport of(BacktestResult result) {
    return new BacktestReport(Objects.requireNonNull(result, "result"), null);
  }

  /** This report with an A/B section. */
  public BacktestReport withAbTest(AbResult abTest) {
    return new BacktestReport(result, Objects.requireNonNull(abTest, "abTest"));
  }

  /** {@code report.json}, UTF-8. */
  public byte[] json() {
    return ReportJson.render(result, abTest);
  }

  /**
   * The console summary: the protocol, each model's headline metrics with intervals, and the lifts; then each
   * A/B arm's rates and how its outcomes were joined, when there was an A/B check.
   */
  public String summary() {
    return ReportText.render(result, abTest);
  }

  /** {@code report.html}, UTF-8, as its {@code meta charset} declares. */
  public byte[] html() {
    return ReportHtml.render(result, abTest).getBytes(StandardCharsets.UTF_8);
  }
}
