package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.HistoryMerged;
import java.util.Map;

/**
 * The journal event that completes a merge. Version 1: the other customer's id, then the features it
 * handed over ({@link PartsV2}).
 */
final class HistoryMergedFormat extends VersionedFormat<HistoryMerged> {

  private static final int V1 = 1;

  HistoryMergedFormat() {
    super(HistoryMerged.class, V1, Map.of(V1, HistoryMergedFormat::readV1));
  }

  @Override
  void writeCurrent(Output output, HistoryMerged merged) {
    output.writeString(merged.fromCustomerId());
    PartsV2.writeFeatures(output, merged.features());
  }

  private static HistoryMerged readV1(Input input) {
    return new HistoryMerged(input.readString(), PartsV2.readFeatures(input));
  }
}
