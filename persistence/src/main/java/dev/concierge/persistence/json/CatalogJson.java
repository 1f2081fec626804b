package dev.concierge.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CatalogItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The {@code catalog} topic's JSON contract, plus the optional {@code popularity} field. */
public final class CatalogJson {

  private final ObjectMapper mapper;

  public CatalogJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The item, or empty when the record is not a usable catalog item (it is then skipped). */
  public Optional<CatalogItem> parse(byte[] json) {
    return parse(json, null);
  }

  /**
   * Like {@link #parse(byte[])}, but an item without a category is filed under {@code categoryWhenAbsent}:
   * catalog files brought from elsewhere often have none, where the live topic's contract requires one.
   */
  public Optional<CatalogItem> parse(byte[] json, String categoryWhenAbsent) {
    try {
      JsonNode node = mapper.readTree(json);
      if (node == null || !node.hasNonNull("itemId") || (categoryWhenAbsent == null && !node.hasNonNull("category"))) {
        return Optional.empty();
      }
      return Optional.of(
          new CatalogItem(
              node.get("itemId").asText(),
              node.hasNonNull("category") ? node.get("category").asText() : categoryWhenAbsent,
              node.path("price").asDouble(0),
              node.path("inStock").asBoolean(true),
              node.path("title").asText(""),
              node.path("popularity").asDouble(0)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public byte[] write(CatalogItem item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
      write(item, json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** The item as the contract's one JSON object, into a document being written (an answer's list, say). */
  public static void write(CatalogItem item, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("itemId", item.itemId());
    json.writeStringField("category", item.category());
    json.writeNumberField("price", item.price());
    json.writeBooleanField("inStock", item.inStock());
    json.writeStringField("title", item.title());
    json.writeNumberField("popularity", item.popularity());
    json.writeEndObject();
  }
}
