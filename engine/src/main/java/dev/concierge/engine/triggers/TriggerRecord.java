package dev.concierge.engine.triggers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.models.RankedItem;
import dev.concierge.models.TriggerFired;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a firing tells the touchpoints, on the {@code customer-triggers} topic and to the webhook:
 * {@code {"triggerId","rule","customerId","firedAt","category","items","modelVersion",
 * "recommendations":[{"itemId","score","reasons"}]}}. The trigger id is the same whenever the same
 * firing is published, so receivers can drop repeats by it.
 */
public record TriggerRecord(
    String customerId, TriggerFired fired, String modelVersion, List<RankedItem> recommendations) {

  private static final int INITIAL_BUFFER_BYTES = 512;

  public TriggerRecord {
    recommendations = List.copyOf(recommendations);
  }

  public String triggerId() {
    return customerId + ":" + fired.kind().wireName() + ":" + fired.firedAt().toEpochMilli();
  }

  public byte[] json(JsonFactory json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
    try (JsonGenerator generator = json.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("triggerId", triggerId());
      generator.writeStringField("rule", fired.kind().wireName());
      generator.writeStringField("customerId", customerId);
      generator.writeStringField("firedAt", fired.firedAt().toString());
      generator.writeStringField("category", fired.category());
      writeStrings(generator, "items", fired.items());
      generator.writeStringField("modelVersion", modelVersion);
      generator.writeArrayFieldStart("recommendations");
      for (RankedItem item : recommendations) {
        generator.writeStartObject();
        generator.writeStringField("itemId", item.itemId());
        generator.writeNumberField("score", item.score());
        writeStrings(generator, "reasons", item.reasons());
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void writeStrings(JsonGenerator generator, String field, List<String> values) throws IOException {
    generator.writeArrayFieldStart(field);
    for (String value : values) {
      generator.writeString(value);
    }
    generator.writeEndArray();
  }
}
