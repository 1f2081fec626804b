package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.KafkaSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 3 of the persisted parts: where an event was read from on the events topic, and a customer's
 * highest persisted offset per partition. Never change a layout here; see {@link PartsV1}.
 */
final class PartsV3 {

  private PartsV3() {}

  static void writeSource(Output output, KafkaSource source) {
    output.writeVarInt(source.partition(), true);
    output.writeVarLong(source.offset(), true);
  }

  static KafkaSource readSource(Input input) {
    return new KafkaSource(input.readVarInt(true), input.readVarLong(true));
  }

  static void writeSources(Output output, List<KafkaSource> sources) {
    output.writeVarInt(sources.size(), true);
    for (KafkaSource source : sources) {
      writeSource(output, source);
    }
  }

  static List<KafkaSource> readSources(Input input) {
    int size = input.readVarInt(true);
    List<KafkaSource> sources = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      sources.add(readSource(input));
    }
    return sources;
  }
}
