package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.TriggerKind;
import dev.concierge.models.TriggerMemory;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Version 4 of the persisted parts: delivery triggers, as they fired and as a snapshot remembers them.
 * Rule kinds are written by name, so that a kind added or reordered never changes what old bytes mean.
 * Never change a layout here; see {@link PartsV1}.
 */
final class PartsV4 {

  private PartsV4() {}

  static void writeKind(Output output, TriggerKind kind) {
    output.writeString(kind.wireName());
  }

  static TriggerKind readKind(Input input) {
    String wireName = input.readString();
    return TriggerKind.fromWireName(wireName)
        .orElseThrow(() -> new KryoException("unknown trigger kind '" + wireName + "'; data from a newer build needs it"));
  }

  static void writeFired(Output output, TriggerFired fired) {
    writeKind(output, fired.kind());
    FieldEncoding.writeInstant(output, fired.firedAt());
    FieldEncoding.writeNullable(output, fired.category(), Output::writeString);
    FieldEncoding.writeStrings(output, fired.items());
  }

  static TriggerFired readFired(Input input) {
    TriggerKind kind = readKind(input);
    Instant firedAt = FieldEncoding.readInstant(input);
    String category = FieldEncoding.readNullable(input, Input::readString);
    return new TriggerFired(kind, firedAt, category, FieldEncoding.readStrings(input));
  }

  static void writeMemory(Output output, TriggerMemory memory) {
    FieldEncoding.writeNullable(output, memory.cartActiveAt(), FieldEncoding::writeInstant);
    FieldEncoding.writeStrings(output, memory.cartItems());
    FieldEncoding.writeNullable(output, memory.sessionStartedAt(), FieldEncoding::writeInstant);
    FieldEncoding.writeSortedMap(output, memory.sessionViews(), (out, views) -> out.writeVarInt(views, true));
    FieldEncoding.writeStrings(output, memory.reportedCategories());
    FieldEncoding.writeStrings(output, memory.awaitingStock());
    Map<String, Instant> lastFired = new HashMap<>();
    memory.lastFired().forEach((kind, at) -> lastFired.put(kind.wireName(), at));
    FieldEncoding.writeSortedMap(output, lastFired, FieldEncoding::writeInstant);
  }

  static TriggerMemory readMemory(Input input) {
    Instant cartActiveAt = FieldEncoding.readNullable(input, FieldEncoding::readInstant);
    var cartItems = FieldEncoding.readStrings(input);
    Instant sessionStartedAt = FieldEncoding.readNullable(input, FieldEncoding::readInstant);
    Map<String, Integer> sessionViews = FieldEncoding.readMap(input, in -> in.readVarInt(true));
    var reportedCategories = FieldEncoding.readStrings(input);
    var awaitingStock = FieldEncoding.readStrings(input);
    Map<TriggerKind, Instant> lastFired = new EnumMap<>(TriggerKind.class);
    int size = input.readVarInt(true);
    for (int i = 0; i < size; i++) {
      lastFired.put(readKind(input), FieldEncoding.readInstant(input));
    }
    return new TriggerMemory(
        cartActiveAt, cartItems, sessionStartedAt, sessionViews, reportedCategories, awaitingStock, lastFired);
  }
}
