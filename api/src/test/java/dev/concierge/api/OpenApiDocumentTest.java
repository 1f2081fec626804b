package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served document stands alone: the request schemas are in it, and every reference points inside it. */
class OpenApiDocumentTest extends RouteTestSupport {

  private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

  @Test
  void everyReferenceLeadsToAPlaceInTheDocument() {
    List<String> refs = new ArrayList<>();
    collectRefs(DOCUMENT.tree(), refs);

    assertTrue(refs.size() > 50, "references found: " + refs.size());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertTrue(!DOCUMENT.tree().at(ref.substring(1)).isMissingNode(), ref + " leads nowhere");
    }
  }

  @Test
  void theRequestSchemasAreEmbeddedByFileNameWithoutTheirIds() {
    JsonNode schemas = DOCUMENT.tree().path("components").path("schemas");

    for (String file : List.of("decision-request.schema.json", "events-request.schema.json", "definitions.schema.json")) {
      assertTrue(schemas.has(file), file);
      assertTrue(!schemas.get(file).has("$id"), file + " keeps no $id, against which its references would resolve");
    }
  }

  @Test
  void theDocumentIsServedAsBundled() throws IOException {
    var result = get(new RouteFixture().route(), "/v1/openapi.json");

    result.assertStatusCode(200);
    assertEquals("application/json", result.response().entity().getContentType().mediaType().toString());
    JsonNode served = new ObjectMapper().readTree(result.entityString());
    assertEquals("3.1.0", served.path("openapi").asText());
    assertEquals(DOCUMENT.tree(), served);
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.path("$ref").isTextual()) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
