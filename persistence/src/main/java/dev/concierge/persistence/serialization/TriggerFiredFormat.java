package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.TriggerFired;
import java.util.Map;

/** The journal event of a delivery trigger. Version 1: as {@link PartsV4#writeFired} lays it out. */
final class TriggerFiredFormat extends VersionedFormat<TriggerFired> {

  private static final int V1 = 1;

  TriggerFiredFormat() {
    super(TriggerFired.class, V1, Map.of(V1, PartsV4::readFired));
  }

  @Override
  void writeCurrent(Output output, TriggerFired fired) {
    PartsV4.writeFired(output, fired);
  }
}
