package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.offline.training.CandidateTablesBuilder;
import java.time.Instant;
import java.util.Objects;

/**
 * What a baseline may learn from, all of it from the train window, and the catalog it ranks.
 *
 * @param trainTables the candidate tables (neighbours and popularity) of the train window alone
 * @param split       the end of the train window: the baselines' {@code dataUntil}
 */
public record BaselineInputs(CandidateTables trainTables, Instant split, Catalog catalog) {

  public BaselineInputs {
    Objects.requireNonNull(trainTables, "trainTables");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(catalog, "catalog");
  }

  /** @param history events in time order */
  public static BaselineInputs of(
      Iterable<CustomerEvent> history, BacktestWindows windows, Catalog catalog,
      CandidateTablesBuilder.Settings tableSettings) {
    return new BaselineInputs(Backtest.trainWindowTables(history, windows, tableSettings), windows.split(), catalog);
  }
}
