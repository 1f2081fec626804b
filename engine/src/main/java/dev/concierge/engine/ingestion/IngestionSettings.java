package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.RestartBackoff;
import dev.concierge.persistence.json.EventJson;
import java.time.Duration;

/**
 * How events flow from {@code customer-events} into customer actors, read from {@code concierge.ingestion}.
 *
 * @param parallelism how many batches of records are in flight to customer actors at once
 * @param maxBatch    the most records in one batch: those read within its window, or while the batches in
 *     flight were busy
 * @param batchWindow how long a batch gathers records while none is in its way: fewer, larger batches at low
 *     rates, for that much more latency; zero gathers none, and a batch is the records that arrived while
 *     the batches in flight were busy
 * @param perCommand  the most events, and bytes of them, of one customer in one command (one write)
 * @param askTimeout  how long a customer actor has to confirm a persist before it is asked again
 * @param persistRetry how an unconfirmed event is asked again while its partition waits
 * @param deadLetters  how a refused record goes to the dead-letter topic
 * @param stallAfter   ingestion with records in flight and none done for this long is stalled
 * @param stallCheckEvery how often a stall is looked for, to log it as it begins and ends
 */
public record IngestionSettings(
    boolean enabled,
    String groupId,
    int parallelism,
    int maxBatch,
    Duration batchWindow,
    CommandLimits perCommand,
    Duration askTimeout,
    PersistRetry persistRetry,
    DeadLetterSettings deadLetters,
    RestartBackoff restart,
    Duration stallAfter,
    Duration stallCheckEvery) {

  private static final String FRAME_SIZE = "pekko.remote.artery.advanced.maximum-frame-size";
  // Kryo writes a character outside the BMP in 6 bytes where JSON takes 4: a command is at most 1.5 times
  // its events as written (EventJson.write, which ingestion measures: not the records, whose context can
  // grow 2.5 times in that form), and half a frame leaves room for that, for each event's source
  // (partition and offset, a dozen bytes) and for the remoting envelope
  private static final int COMMANDS_PER_FRAME = 2;

  public IngestionSettings {
    if (parallelism < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("ingestion.parallelism and max-batch must be at least 1, not "
          + parallelism + " and " + maxBatch);
    }
    if (batchWindow.isNegative()) {
      throw new IllegalArgumentException("ingestion.batch-window must be zero or longer, not " + batchWindow);
    }
  }

  /** @param config the node's whole configuration: commands are sized against Pekko's remoting frame */
  public static IngestionSettings fromConfig(Config config) {
    Config concierge = config.getConfig("concierge");
    Config ingestion = concierge.getConfig("ingestion");
    return new IngestionSettings(
        ingestion.getBoolean("enabled"),
        ingestion.getString("group-id"),
        ingestion.getInt("parallelism"),
        ingestion.getInt("max-batch"),
        ingestion.getDuration("batch-window"),
        new CommandLimits(
            ingestion.getInt("max-events-per-customer"),
            maxBytesPerCustomer(ingestion, config.getBytes(FRAME_SIZE))),
        ingestion.getDuration("ask-timeout"),
        PersistRetry.fromConfig(ingestion.getConfig("persist-retry")),
        DeadLetterSettings.fromConfig(config),
        RestartBackoff.fromConfig(ingestion.getConfig("restart")),
        ingestion.getDuration("stall-after"),
        ingestion.getDuration("stall-check-every"));
  }

  /** Whether batches form by time as well as by demand. */
  public boolean gathersByTime() {
    return !batchWindow.isZero();
  }

  // a larger command would be dropped by remoting on every try, and ingestion would wait on it forever
  private static int maxBytesPerCustomer(Config ingestion, long frameBytes) {
    long bytes = ingestion.getBytes("max-bytes-per-customer");
    if (bytes < EventJson.MAX_EVENT_BYTES || bytes > frameBytes / COMMANDS_PER_FRAME) {
      throw new IllegalArgumentException("ingestion.max-bytes-per-customer (" + bytes + ") must be from one event's"
          + " limit (" + EventJson.MAX_EVENT_BYTES + ") to half of " + FRAME_SIZE + " (" + frameBytes + ")");
    }
    return (int) bytes;
  }
}
