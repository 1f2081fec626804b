package dev.concierge.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CatalogChange;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.Identifiers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The {@code catalog} topic's JSON contract, plus the optional {@code popularity} field: the one reader
 * of catalog items, for the topic, for catalog files and for {@code PUT /admin/catalog/items}, and the
 * writer of the topic's records.
 *
 * <p>{@link #change} reads an item as a change with a reason for a refusal: every field present must
 * have its type and range, its text no longer than the {@link CatalogItemLimits}, and an item may name only some of its fields (an update of its price or
 * stock) or {@code "deleted":true}. {@link #parse} reads a whole item and skips what is not one.
 */
public final class CatalogJson {

  private static final String EXPECTED_ITEM = "expected a catalog item JSON object such as "
      + "{\"itemId\":\"sku-7\",\"category\":\"shoes\",\"price\":59.0,\"inStock\":true,\"title\":\"Trail runner\"}";

  private final ObjectMapper mapper;
  private final CatalogItemLimits limits;

  /** A reader with the limits of this process's configuration ({@link CatalogItemLimits#configured()}). */
  public CatalogJson(ObjectMapper mapper) {
    this(mapper, CatalogItemLimits.configured());
  }

  public CatalogJson(ObjectMapper mapper, CatalogItemLimits limits) {
    this.mapper = mapper;
    this.limits = limits;
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
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!(change(node) instanceof ParsedCatalogChange.Valid valid)
        || !(valid.change() instanceof CatalogChange.Upsert upsert)) {
      return Optional.empty();
    }
    CatalogChange.Upsert filed = upsert.category() != null || categoryWhenAbsent == null ? upsert
        : new CatalogChange.Upsert(upsert.itemId(), categoryWhenAbsent, upsert.price(), upsert.inStock(),
            upsert.title(), upsert.popularity());
    return filed.onto(null);
  }

  /**
   * One item as a change: its {@code itemId} and whichever fields it gives (null is the same as
   * absent), or its deletion with {@code "deleted":true}. Fields the contract does not know are ignored.
   */
  public ParsedCatalogChange change(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new ParsedCatalogChange.Invalid(EXPECTED_ITEM);
    }
    try {
      String itemId = itemId(node.get("itemId"));
      if (Boolean.TRUE.equals(bool(node, "deleted"))) {
        return new ParsedCatalogChange.Valid(new CatalogChange.Removal(itemId));
      }
      return new ParsedCatalogChange.Valid(new CatalogChange.Upsert(
          itemId, category(node.get("category")), price(node.get("price")), bool(node, "inStock"),
          title(node.get("title")), popularity(node.get("popularity"))));
    } catch (InvalidCatalogField e) {
      return new ParsedCatalogChange.Invalid(e.getMessage());
    }
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }

  private static String itemId(JsonNode value) {
    if (absent(value)) {
      throw new InvalidCatalogField("missing required field 'itemId'");
    }
    if (!value.isTextual()) {
      throw new InvalidCatalogField("field 'itemId' must be a string (an id)");
    }
    Identifiers.problem("itemId", value.textValue()).ifPresent(problem -> {
      throw new InvalidCatalogField(problem);
    });
    return value.textValue();
  }

  // a category is a name: any text that is not blank
  private String category(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > limits.maxCategoryLength()) {
      throw new InvalidCatalogField("field 'category' must be a string of 1 to " + limits.maxCategoryLength()
          + " characters, not blank");
    }
    return value.textValue();
  }

  private static Double price(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
      throw new InvalidCatalogField("field 'price' must be a finite number >= 0");
    }
    return value.doubleValue();
  }

  private static Double popularity(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw new InvalidCatalogField("field 'popularity' must be a finite number");
    }
    return value.doubleValue();
  }

  private static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (absent(value)) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new InvalidCatalogField("field '" + field + "' must be true or false");
    }
    return value.booleanValue();
  }

  private String title(JsonNode value) {
    if (absent(value)) {
      return null;
    }
    if (!value.isTextual() || value.textValue().length() > limits.maxTitleLength()) {
      throw new InvalidCatalogField("field 'title' must be a string of at most " + limits.maxTitleLength()
          + " characters" + (value.isTextual() ? ", not " + value.textValue().length() : ""));
    }
    return value.textValue();
  }

  /** A field that breaks the contract; its message names the field. */
  private static final class InvalidCatalogField extends RuntimeException {
    InvalidCatalogField(String message) {
      super(message, null, false, false);
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
