package dev.concierge.api.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.contract.ApiContract;
import dev.concierge.api.contract.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's own description of its requests: every operation of the OpenAPI document (as the node
 * serves it, the request schemas embedded), with the JSON Schemas (draft 2020-12) of its JSON body and
 * path parameters. Tests walk them to make valid requests and hostile ones, so an operation added to
 * the document is fuzzed without a change here.
 */
public final class RequestShapes {

  /** Where the request schemas' files live on the class path. */
  public static final String DIRECTORY = "dev/concierge/api/schemas/";
  /** The {@code $id} prefix of the schemas' files, which stands for {@link #DIRECTORY}. */
  public static final String ID_PREFIX = "https://concierge.dev/schemas/";
  private static final String DOCUMENT = "openapi.json";
  // the document embeds each request schema under this name and its file's
  private static final String EMBEDDED = "#/components/schemas/";

  private final JsonNode document;
  private final List<Endpoint> endpoints;

  private RequestShapes() {
    ApiContract contract = ApiContract.load();
    this.document = contract.document();
    List<Endpoint> listed = new ArrayList<>();
    for (Operation operation : contract.operations()) {
      Map<String, Shape> parameters = new LinkedHashMap<>();
      for (JsonNode parameter : operation.definition().path("parameters")) {
        parameters.put(parameter.get("name").asText(), Shape.of(this, DOCUMENT, parameter.get("schema")));
      }
      Optional<JsonNode> body = Optional.of(
          operation.definition().path("requestBody").path("content").path("application/json").path("schema"))
          .filter(schema -> !schema.isMissingNode());
      listed.add(new Endpoint(
          operation.method(), operation.path(), operation.admin(), parameters,
          body.map(schema -> schema.get("$ref").asText().substring(EMBEDDED.length())),
          body.map(schema -> Shape.of(this, DOCUMENT, schema))));
    }
    this.endpoints = List.copyOf(listed);
  }

  public static RequestShapes load() {
    return new RequestShapes();
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** The document a reference leads into: every reference of the bundled document points inside it. */
  JsonNode document(String name) {
    if (!name.equals(DOCUMENT)) {
      throw new IllegalStateException("a reference leads out of the OpenAPI document, to " + name);
    }
    return document;
  }

  /**
   * One documented operation.
   *
   * @param path       the path, with {@code {name}} for each parameter
   * @param admin      whether it answers only with the admin token
   * @param bodySchema the file name of the JSON body's schema, when it reads one
   */
  public record Endpoint(
      String method, String path, boolean admin, Map<String, Shape> parameters, Optional<String> bodySchema,
      Optional<Shape> body) {

    /** {@code POST /v1/decisions} */
    @Override
    public String toString() {
      return method + " " + path;
    }

    /** The path with each parameter replaced by its (already encoded) value. */
    public String pathWith(Map<String, String> values) {
      String filled = path;
      for (Map.Entry<String, String> value : values.entrySet()) {
        filled = filled.replace("{" + value.getKey() + "}", value.getValue());
      }
      return filled;
    }
  }
}
