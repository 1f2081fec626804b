package dev.concierge.engine.triggers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.engine.json.RankedItemsJson;
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
      RankedItemsJson.writeStrings(generator, "items", fired.items());
      generator.writeStringField("modelVersion", modelVersion);
      RankedItemsJson.write(generator, "recommendations", recommendations, true);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
