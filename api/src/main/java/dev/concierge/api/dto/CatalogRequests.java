package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.api.error.ApiError;
import dev.concierge.models.CatalogChange;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.persistence.json.ParsedCatalogChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code PUT /admin/catalog/items} bodies: a JSON array of catalog items, or JSON lines (one item
 * per line, blank lines skipped). Each item is read by {@link CatalogJson#change}, the catalog's one
 * reader. All or nothing: the 400 for the first item that breaks the contract names it, as {@code item
 * [i]} of an array (from 0) or {@code line n} of JSON lines (from 1), and the field.
 */
public final class CatalogRequests {

  private static final String EXPECTED = "a JSON array of catalog items such as [{\"itemId\":\"sku-7\","
      + "\"category\":\"shoes\",\"price\":59.0,\"inStock\":true,\"title\":\"Trail runner\"}], or JSON lines of them";
  private static final byte NEWLINE = '\n';

  /**
   * The changes a body asks for, in its order.
   *
   * @param positions per change, where the body holds it: {@code item [i]} or {@code line n}
   */
  public record CatalogUpload(List<CatalogChange> changes, List<String> positions) {}

  private final ObjectReader reader;
  private final CatalogJson catalog;

  public CatalogRequests(ObjectMapper mapper, CatalogJson catalog) {
    this.reader = Bodies.strictReader(mapper);
    this.catalog = catalog;
  }

  /** @param jsonLines whether the body is JSON lines rather than one JSON array */
  public CatalogUpload parse(byte[] body, boolean jsonLines) {
    CatalogUpload upload = jsonLines ? lines(body) : array(body);
    if (upload.changes().isEmpty()) {
      throw ApiError.badRequest("the request body holds no items; send " + EXPECTED);
    }
    return upload;
  }

  private CatalogUpload array(byte[] body) {
    JsonNode root = Bodies.read(reader, body, EXPECTED);
    if (!root.isArray()) {
      throw ApiError.badRequest("the request body must be " + EXPECTED
          + " (JSON lines go with 'Content-Type: application/x-ndjson')");
    }
    List<CatalogChange> changes = new ArrayList<>(root.size());
    List<String> positions = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      String position = "item [" + i + "]";
      changes.add(valid(root.get(i), position));
      positions.add(position);
    }
    return new CatalogUpload(changes, positions);
  }

  private CatalogUpload lines(byte[] body) {
    List<CatalogChange> changes = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    int line = 0;
    for (int start = 0; start < body.length; ) {
      int end = indexOf(body, NEWLINE, start);
      line++;
      String text = new String(body, start, end - start, StandardCharsets.UTF_8);
      start = end + 1;
      if (text.isBlank()) {
        continue;
      }
      String position = "line " + line;
      changes.add(valid(lineTree(text, position), position));
      positions.add(position);
    }
    return new CatalogUpload(changes, positions);
  }

  private JsonNode lineTree(String text, String position) {
    try {
      return reader.readTree(text);
    } catch (IOException e) {
      throw ApiError.invalidJson(position + ": not valid JSON; each line holds one catalog item object");
    }
  }

  private CatalogChange valid(JsonNode node, String position) {
    ParsedCatalogChange parsed = catalog.change(node);
    if (parsed instanceof ParsedCatalogChange.Invalid invalid) {
      throw ApiError.badRequest(position + ": " + invalid.reason());
    }
    return ((ParsedCatalogChange.Valid) parsed).change();
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return bytes.length;
  }
}
