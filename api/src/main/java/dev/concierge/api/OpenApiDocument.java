package dev.concierge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The API's OpenAPI 3.1 document as the node serves it: {@code openapi.json} with the request schemas
 * it references ({@code schemas/*.schema.json}) embedded under {@code components.schemas}, each named
 * by its file. Each request shape keeps one owner, its schema file, which the request readers are
 * tested against; the served document still stands alone, since many OpenAPI tools follow no
 * reference to another file. The references are rewritten to point inside the document, and the
 * embedded schemas lose their {@code $id}, against which those references would otherwise resolve.
 */
public final class OpenApiDocument {

  /** The document's source on the class path; its references to schemas are relative to it. */
  public static final String RESOURCE = "dev/concierge/api/openapi.json";
  private static final String DIRECTORY = "dev/concierge/api/";
  private static final String SCHEMAS = "schemas/";
  private static final String COMPONENTS = "#/components/schemas/";
  private static final String REF = "$ref";

  private final ObjectMapper mapper = new ObjectMapper();
  private final ObjectNode document;
  private final ObjectNode embedded;
  private final Deque<String> toEmbed = new ArrayDeque<>();

  private OpenApiDocument() {
    this.document = (ObjectNode) read(RESOURCE);
    this.embedded = document.withObject("/components/schemas");
    rewrite(document, null);
    while (!toEmbed.isEmpty()) {
      embed(toEmbed.pop());
    }
  }

  public static OpenApiDocument load() {
    return new OpenApiDocument();
  }

  /** The bundled document; every {@code $ref} in it points inside it. Read it, do not change it. */
  public JsonNode tree() {
    return document;
  }

  public byte[] bytes() {
    try {
      return mapper.writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a JSON tree to memory cannot fail", e);
    }
  }

  private void embed(String file) {
    ObjectNode schema = (ObjectNode) read(DIRECTORY + SCHEMAS + file);
    schema.remove("$id");
    schema.remove("$schema");
    embedded.set(file, schema);
    rewrite(schema, file);
  }

  /** Points every reference under {@code node} inside the document; {@code file} is the schema it is in, null for the document. */
  private void rewrite(JsonNode node, String file) {
    if (node instanceof ObjectNode object && object.path(REF).isTextual()) {
      object.put(REF, inside(object.get(REF).asText(), file));
    }
    node.forEach(child -> rewrite(child, file));
  }

  private String inside(String ref, String file) {
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    if (target.isEmpty()) {
      return file == null ? ref : COMPONENTS + file + pointer;
    }
    // the document's references are relative to it, a schema's to the schemas' directory
    String path = file == null ? target : SCHEMAS + target;
    if (!path.startsWith(SCHEMAS) || path.indexOf('/', SCHEMAS.length()) >= 0) {
      throw new IllegalStateException("$ref " + ref + " leads outside " + DIRECTORY + SCHEMAS);
    }
    String schema = path.substring(SCHEMAS.length());
    if (!embedded.has(schema) && !toEmbed.contains(schema)) {
      toEmbed.add(schema);
    }
    return COMPONENTS + schema + pointer;
  }

  private JsonNode read(String resource) {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the class path");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }
}
