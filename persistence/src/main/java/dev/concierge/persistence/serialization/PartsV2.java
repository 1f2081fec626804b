package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.SessionFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 2 of the persisted parts: the features gained spend, an item list per event type, the
 * categories bought in and the current session. Never change a layout here; see {@link PartsV1}.
 */
final class PartsV2 {

  private PartsV2() {}

  static void writeFeatures(Output output, CustomerFeatures features) {
    PartsV1.writeCounts(output, features.events());
    output.writeDouble(features.totalSpend());
    output.writeVarInt(features.unitsPurchased(), true);
    FieldEncoding.writeNullable(output, features.lastEventAt(), FieldEncoding::writeInstant);
    PartsV1.writeAffinity(output, features.categoryAffinity());
    PartsV1.writeRecentItems(output, features.recent());
    PartsV1.writeRecentItems(output, features.viewed());
    PartsV1.writeRecentItems(output, features.clicked());
    PartsV1.writeRecentItems(output, features.carted());
    PartsV1.writeRecentItems(output, features.purchased());
    FieldEncoding.writeStrings(output, features.purchasedCategories());
    writeSession(output, features.session());
  }

  static CustomerFeatures readFeatures(Input input) {
    return new CustomerFeatures(
        PartsV1.readCounts(input),
        input.readDouble(),
        input.readVarInt(true),
        FieldEncoding.readNullable(input, FieldEncoding::readInstant),
        PartsV1.readAffinity(input),
        PartsV1.readRecentItems(input),
        PartsV1.readRecentItems(input),
        PartsV1.readRecentItems(input),
        PartsV1.readRecentItems(input),
        PartsV1.readRecentItems(input),
        FieldEncoding.readStrings(input),
        readSession(input));
  }

  static void writeLongs(Output output, List<Long> values) {
    output.writeVarInt(values.size(), true);
    for (long value : values) {
      output.writeLong(value);
    }
  }

  static List<Long> readLongs(Input input) {
    int size = input.readVarInt(true);
    List<Long> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(input.readLong());
    }
    return values;
  }

  private static void writeSession(Output output, SessionFeatures session) {
    FieldEncoding.writeNullable(output, session.startedAt(), FieldEncoding::writeInstant);
    output.writeVarInt(session.events(), true);
    FieldEncoding.writeStrings(output, session.categories());
    output.writeInt(session.key());
  }

  private static SessionFeatures readSession(Input input) {
    return new SessionFeatures(
        FieldEncoding.readNullable(input, FieldEncoding::readInstant),
        input.readVarInt(true),
        FieldEncoding.readStrings(input),
        input.readInt());
  }
}
