package dev.concierge.tools.simulate;

import com.typesafe.config.Config;
import java.io.IOException;

/** Where the simulated events go. */
sealed interface Destination permits JsonLinesFile, KafkaTopic {

  EventSink open(Config config) throws IOException;

  /** For the summary: "wrote", "produced". */
  String verb();

  /** For the summary: "to /tmp/x.jsonl". */
  String describe(Config config);

  /** What went wrong, and what to check. */
  String failure(Exception error, Config config);
}
