package dev.concierge.api.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's own description of its requests: the endpoints of {@code request-shapes.json} and the
 * JSON Schemas (draft 2020-12) of their bodies and path parameters, read from the api module's
 * resources. Tests walk them to make valid requests and hostile ones.
 */
public final class RequestShapes {

  /** Where the schemas live on the class path. */
  public static final String DIRECTORY = "dev/concierge/api/schemas/";
  /** The {@code $id} prefix of the schemas, which stands for {@link #DIRECTORY}. */
  public static final String ID_PREFIX = "https://concierge.dev/schemas/";
  private static final String INDEX = "request-shapes.json";

  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
  private final List<Endpoint> endpoints;

  private RequestShapes() {
    List<Endpoint> listed = new ArrayList<>();
    for (JsonNode endpoint : document(INDEX).get("endpoints")) {
      Map<String, Shape> parameters = new LinkedHashMap<>();
      JsonNode declared = endpoint.path("parameters");
      declared.fields().forEachRemaining(parameter ->
          parameters.put(parameter.getKey(), Shape.of(this, INDEX, parameter.getValue())));
      Optional<String> body = Optional.ofNullable(endpoint.get("body")).map(JsonNode::asText);
      listed.add(new Endpoint(
          endpoint.get("method").asText(), endpoint.get("path").asText(), endpoint.path("admin").asBoolean(false),
          parameters, body, body.map(document -> Shape.of(this, document, document(document)))));
    }
    this.endpoints = List.copyOf(listed);
  }

  public static RequestShapes load() {
    return new RequestShapes();
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  JsonNode document(String name) {
    return documents.computeIfAbsent(name, this::read);
  }

  private JsonNode read(String name) {
    try (InputStream in = RequestShapes.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException("no schema " + DIRECTORY + name + " on the class path");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }

  /**
   * One endpoint that reads a body or a path parameter.
   *
   * @param path       the path, with {@code {name}} for each parameter
   * @param admin      whether it answers only with the admin token
   * @param bodySchema the file name of the body's schema, when it reads a JSON body
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
