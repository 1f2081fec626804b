package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventCounts;
import dev.concierge.models.RecentItems;
import dev.concierge.models.SessionFeatures;
import java.time.Instant;
import java.util.List;

/**
 * Version 1 of the parts that the persisted formats share. Journal rows written with it must read
 * forever, so never change a layout here: a part that needs a new layout goes into a later PartsVn,
 * and every format that embeds it bumps its version and keeps reading version 1 through this class.
 * Version 1 features are only read now (into today's {@link CustomerFeatures}); the event, counts,
 * affinity and item-list layouts are still current.
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

  /** Version 1 features knew counts, affinity, the recent items of any kind and the purchases. */
  static CustomerFeatures readFeatures(Input input) {
    EventCounts counts = readCounts(input);
    Instant lastEventAt = FieldEncoding.readNullable(input, FieldEncoding::readInstant);
    CategoryAffinity affinity = readAffinity(input);
    RecentItems recent = readRecentItems(input);
    RecentItems purchased = readRecentItems(input);
    return new CustomerFeatures(
        counts, 0, 0, lastEventAt, affinity, recent, RecentItems.NONE, RecentItems.NONE, RecentItems.NONE,
        purchased, List.of(), SessionFeatures.NONE);
  }

  static void writeCounts(Output output, EventCounts counts) {
    output.writeVarLong(counts.view(), true);
    output.writeVarLong(counts.click(), true);
    output.writeVarLong(counts.addToCart(), true);
    output.writeVarLong(counts.purchase(), true);
  }

  static EventCounts readCounts(Input input) {
    return new EventCounts(
        input.readVarLong(true), input.readVarLong(true), input.readVarLong(true), input.readVarLong(true));
  }

  static void writeAffinity(Output output, CategoryAffinity affinity) {
    FieldEncoding.writeSortedMap(output, affinity.scores(), Output::writeDouble);
    FieldEncoding.writeNullable(output, affinity.asOf(), FieldEncoding::writeInstant);
  }

  static CategoryAffinity readAffinity(Input input) {
    return new CategoryAffinity(
        FieldEncoding.readMap(input, Input::readDouble),
        FieldEncoding.readNullable(input, FieldEncoding::readInstant));
  }

  static void writeRecentItems(Output output, RecentItems items) {
    FieldEncoding.writeStrings(output, items.items());
  }

  static RecentItems readRecentItems(Input input) {
    return new RecentItems(FieldEncoding.readStrings(input));
  }
}
