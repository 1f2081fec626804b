package dev.concierge.engine.catalog;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.RestartBackoff;
import java.time.Duration;

/**
 * How the catalog consumer batches updates, read from {@code concierge.catalog}.
 *
 * @param batchSize   most records folded into one new catalog view
 * @param batchWindow longest a record waits for its batch
 */
public record CatalogSettings(int batchSize, Duration batchWindow, RestartBackoff restart) {

  public static CatalogSettings fromConfig(Config concierge) {
    Config catalog = concierge.getConfig("catalog");
    return new CatalogSettings(
        catalog.getInt("batch-size"),
        catalog.getDuration("batch-window"),
        RestartBackoff.fromConfig(catalog.getConfig("restart")));
  }
}
