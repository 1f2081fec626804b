package dev.concierge.api.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.concierge.api.OpenApiDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's OpenAPI document ({@link OpenApiDocument}, as the node serves it) as a judge of answers: an
 * answer matches when its operation is documented, its status is one the operation lists, its media
 * type one that response has, its required headers are there, and its body is valid against the
 * response's schema. OpenAPI 3.1's schemas are JSON Schema 2020-12, so an independent JSON Schema
 * validator (networknt) judges the bodies, resolving each {@code $ref} in the document itself.
 */
public final class ApiContract {

  /** Where the document stands for the validator, which resolves its references against it. */
  private static final String IRI = "https://concierge.dev/openapi.json";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head");
  // the answers any request can get, which the document lists once (info.description) rather than per operation
  private static final Map<Integer, String> ANY_REQUEST = Map.of(
      404, "NotFound", 405, "MethodNotAllowed", 408, "RequestTimeout", 413, "PayloadTooLarge", 500, "InternalError");

  private final JsonNode document;
  private final List<Operation> operations;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ApiContract(OpenApiDocument source) {
    this.document = source.tree();
    List<Operation> listed = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
      if (path.getValue().has(method)) {
        listed.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue().get(method)));
      }
    }));
    this.operations = List.copyOf(listed);
    String json = new String(source.bytes(), StandardCharsets.UTF_8);
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemas(Map.of(IRI, json)));
  }

  public static ApiContract load() {
    return new ApiContract(OpenApiDocument.load());
  }

  /** The bundled document; read it, do not change it. */
  public JsonNode document() {
    return document;
  }

  public List<Operation> operations() {
    return operations;
  }

  /** The documented operation that answers {@code method} on {@code path} (no query). */
  public Optional<Operation> operation(String method, String path) {
    return operations.stream()
        .filter(operation -> operation.method().equalsIgnoreCase(method) && operation.matches(path))
        .min(Comparator.comparingInt(Operation::parameters));
  }

  /** Whether any operation, of any method, has a path template that {@code path} is an instance of. */
  public boolean documents(String path) {
    return operations.stream().anyMatch(operation -> operation.matches(path));
  }

  /** How {@code answer} differs from the document; empty when it matches. */
  public List<String> problems(Answer answer) {
    Optional<Operation> operation = operation(answer.method(), answer.path());
    if (operation.isEmpty() && answer.status() < 400) {
      return List.of(answer.method() + " " + answer.path() + " is answered " + answer.status() + " but not documented");
    }
    String status = String.valueOf(answer.status());
    String pointer = operation
        .filter(documented -> documented.definition().path("responses").has(status))
        .map(documented -> "/paths/" + escape(documented.path()) + "/" + documented.method().toLowerCase(Locale.ROOT)
            + "/responses/" + status)
        .or(() -> Optional.ofNullable(ANY_REQUEST.get(answer.status())).map(name -> "/components/responses/" + name))
        .orElse(null);
    if (pointer == null) {
      return List.of("status " + status + " is not documented for " + operation.map(Operation::toString).orElse("any request"));
    }
    pointer = followed(pointer);
    return problems(answer, pointer);
  }

  /** How {@code body} differs from the contract's error body, {@code {"error","message"}}; empty when it is one. */
  // a body that is not JSON is a problem to report, not an exception that hides the others
  private static final ObjectMapper PARSER = new ObjectMapper();
  private static final int SHOWN_CHARS = 120;

  public List<String> errorBodyProblems(String body) {
    return validated(schema("/components/schemas/Error"), body);
  }

  private List<String> problems(Answer answer, String responsePointer) {
    JsonNode response = document.at(responsePointer);
    List<String> problems = new ArrayList<>();
    response.path("headers").fields().forEachRemaining(header -> {
      if (header.getValue().path("required").asBoolean(false)
          && !answer.headerNames().contains(header.getKey().toLowerCase(Locale.ROOT))) {
        problems.add("no header " + header.getKey());
      }
    });
    JsonNode content = response.path("content");
    if (!content.has(answer.mediaType())) {
      problems.add("media type '" + answer.mediaType() + "' is not one of " + fieldNames(content));
      return problems;
    }
    if (answer.mediaType().equals("application/json")) {
      problems.addAll(validated(schema(responsePointer + "/content/" + escape(answer.mediaType()) + "/schema"), answer.body()));
    }
    return problems;
  }

  // format is only an annotation in draft 2020-12 unless asserted: the answers' timestamps must be ones
  private static List<String> validated(Schema schema, String json) {
    try {
      PARSER.readTree(json);
    } catch (JsonProcessingException notJson) {
      return List.of("not JSON: " + json.substring(0, Math.min(json.length(), SHOWN_CHARS)));
    }
    return schema.validate(json, InputFormat.JSON,
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
        .stream().map(Error::getMessage).toList();
  }

  private Schema schema(String pointer) {
    return schemas.computeIfAbsent(pointer, at -> registry.getSchema(SchemaLocation.of(IRI + "#" + fragment(at))));
  }

  /** The pointer of the response object itself, following a {@code $ref} to {@code components.responses}. */
  private String followed(String pointer) {
    JsonNode ref = document.at(pointer).path("$ref");
    return ref.isTextual() ? ref.asText().substring(1) : pointer;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // a JSON pointer's reference token
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  // a JSON pointer as a URI fragment: a path template's braces may not stand there as they are
  private static String fragment(String pointer) {
    return pointer.replace("{", "%7B").replace("}", "%7D");
  }
}
