package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventCounts;
import dev.concierge.models.RecentItems;

/**
 * Version 1 of the parts that the persisted formats share. Journal rows written with it must read
 * forever, so never edit a method here: a part that needs a new layout goes into a PartsV2, and every
 * format that embeds it bumps its version and keeps reading version 1 through this class.
 */
final class PartsV1 {

  private PartsV1() {}

  static void writeEvent(Output output, CustomerEvent event) {
    output.writeString(event.eventId());
    output.writeString(event.customerId());
    FieldEncoding.writeEventType(output, event.type());
    output.writeString(event.itemId());
    FieldEncoding.writeInstant(output, event.timestamp());
    FieldEncoding.writeNullable(output, event.price(), Output::writeDouble);
    output.writeVarInt(event.quantity(), true);
    FieldEncoding.writeNullable(output, event.sessionId(), Output::writeString);
    FieldEncoding.writeSortedMap(output, event.context(), Output::writeString);
  }

  static CustomerEvent readEvent(Input input) {
    return new CustomerEvent(
        input.readString(),
        input.readString(),
        FieldEncoding.readEventType(input),
        input.readString(),
        FieldEncoding.readInstant(input),
        FieldEncoding.readNullable(input, Input::readDouble),
        input.readVarInt(true),
        FieldEncoding.readNullable(input, Input::readString),
        FieldEncoding.readMap(input, Input::readString));
  }

  static void writeFeatures(Output output, CustomerFeatures features) {
    writeCounts(output, features.events());
    FieldEncoding.writeNullable(output, features.lastEventAt(), FieldEncoding::writeInstant);
    writeAffinity(output, features.categoryAffinity());
    writeRecentItems(output, features.recentItems());
    writeRecentItems(output, features.purchasedItems());
  }

  static CustomerFeatures readFeatures(Input input) {
    return new CustomerFeatures(
        readCounts(input),
        FieldEncoding.readNullable(input, FieldEncoding::readInstant),
        readAffinity(input),
        readRecentItems(input),
        readRecentItems(input));
  }

  private static void writeCounts(Output output, EventCounts counts) {
    output.writeVarLong(counts.view(), true);
    output.writeVarLong(counts.click(), true);
    output.writeVarLong(counts.addToCart(), true);
    output.writeVarLong(counts.purchase(), true);
  }

  private static EventCounts readCounts(Input input) {
    return new EventCounts(
        input.readVarLong(true), input.readVarLong(true), input.readVarLong(true), input.readVarLong(true));
  }

  private static void writeAffinity(Output output, CategoryAffinity affinity) {
    FieldEncoding.writeSortedMap(output, affinity.scores(), Output::writeDouble);
    FieldEncoding.writeNullable(output, affinity.asOf(), FieldEncoding::writeInstant);
  }

  private static CategoryAffinity readAffinity(Input input) {
    return new CategoryAffinity(
        FieldEncoding.readMap(input, Input::readDouble),
        FieldEncoding.readNullable(input, FieldEncoding::readInstant));
  }

  private static void writeRecentItems(Output output, RecentItems items) {
    FieldEncoding.writeStrings(output, items.items());
  }

  private static RecentItems readRecentItems(Input input) {
    return new RecentItems(FieldEncoding.readStrings(input));
  }
}
