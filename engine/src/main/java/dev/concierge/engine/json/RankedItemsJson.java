package dev.concierge.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.models.RankedItem;
import java.io.IOException;
import java.util.List;

/**
 * Ranked items as every JSON document that carries them writes them: a decision's answer, the decision log
 * and a trigger's recommendations, {@code [{"itemId","score","reasons"}]}.
 */
public final class RankedItemsJson {

  private RankedItemsJson() {}

  /** @param withReasons whether each item's reasons go too (the decision log leaves them out: they are long) */
  public static void write(JsonGenerator json, String field, List<RankedItem> items, boolean withReasons)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (RankedItem item : items) {
      json.writeStartObject();
      json.writeStringField("itemId", item.itemId());
      json.writeNumberField("score", item.score());
      if (withReasons) {
        writeStrings(json, "reasons", item.reasons());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  public static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
