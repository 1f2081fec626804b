package dev.concierge.api.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.error.ApiError;
import dev.concierge.api.HttpSettings;
import dev.concierge.api.dto.AdminRequests;
import dev.concierge.api.dto.CatalogRequests;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.api.dto.DecisionRequests;
import dev.concierge.api.dto.EventRequests;
import dev.concierge.api.dto.RequestLimits;
import dev.concierge.persistence.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request schemas ({@code dev/concierge/api/schemas}) and the request readers ({@code api.dto})
 * agree, judged by an independent JSON Schema validator: every body the schema allows, the reader
 * accepts; and of each such body changed in one field (every field, each of its {@link HostileValues}),
 * the reader refuses exactly those the schema refuses, with a 400 that names the field. The readers run
 * with the limits of {@code reference.conf}, which the schemas state.
 */
class RequestSchemaAgreementTest {

  private static final long SEED = 20261126L;
  private static final int BODIES_PER_ENDPOINT = 12;
  private static final int DISAGREEMENTS_SHOWN = 10;
  private static final RequestShapes SHAPES = RequestShapes.load();

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(RequestShapes.ID_PREFIX, "classpath:" + RequestShapes.DIRECTORY)));
  private final Map<String, Consumer<byte[]>> readers = readers();

  private static Map<String, Consumer<byte[]>> readers() {
    ObjectMapper mapper = new ObjectMapper();
    RequestLimits limits = HttpSettings.fromConfig(ConfigFactory.load().getConfig("concierge")).limits();
    AdminRequests admin = new AdminRequests(mapper, limits);
    CatalogRequests catalog = new CatalogRequests(mapper, new CatalogJson(mapper));
    return Map.of(
        "POST /v1/decisions", new DecisionRequests(mapper, limits)::parse,
        "POST /v1/events", new EventRequests(mapper, new EventJson(mapper), limits)::parse,
        "PUT /admin/experiments/{name}", admin::arms,
        "POST /admin/shards/{shardId}/move", admin::moveTarget,
        "POST /admin/nodes/drain", admin::drainAddress,
        // the array form; JSON lines hold the same items, read by the same reader
        "PUT /admin/catalog/items", body -> catalog.parse(body, false));
  }

  static Stream<RequestShapes.Endpoint> endpointsWithABody() {
    return SHAPES.endpoints().stream().filter(endpoint -> endpoint.body().isPresent());
  }

  @Test
  void everyEndpointWithABodyHasItsReaderHere() {
    assertEquals(
        endpointsWithABody().map(RequestShapes.Endpoint::toString).sorted().toList(),
        readers.keySet().stream().sorted().toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWithABody")
  void everyBodyTheSchemaAllowsTheReaderAccepts(RequestShapes.Endpoint endpoint) {
    ValidValues valid = new ValidValues(new Random(SEED));
    Schema schema = schema(endpoint);
    for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
      JsonNode body = valid.of(endpoint.body().orElseThrow());
      String json = new String(JsonBytes.of(body), StandardCharsets.UTF_8);

      assertEquals(List.of(), errors(schema, body), "the generator follows the schema: " + json);
      assertEquals(Optional.empty(), refusal(endpoint, body).map(ApiError::getMessage), "the reader accepts " + json);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWithABody")
  void ofEachBodyChangedInOneFieldTheReaderRefusesWhatTheSchemaRefusesNamingTheField(RequestShapes.Endpoint endpoint) {
    ValidValues valid = new ValidValues(new Random(SEED));
    Mutations mutations = new Mutations(new HostileValues(valid));
    Schema schema = schema(endpoint);
    List<String> disagreements = new ArrayList<>();
    Set<String> fieldsChanged = new TreeSet<>();
    int checked = 0;
    int refused = 0;
    for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
      JsonNode body = valid.of(endpoint.body().orElseThrow());
      for (Mutations.Place place : Mutations.places(body, endpoint.body().orElseThrow())) {
        fieldsChanged.add(place.field());
        for (Mutations.Mutation mutation : mutations.at(body, place)) {
          checked++;
          Optional<ApiError> refusal = refusal(endpoint, mutation.body());
          refused += refusal.isPresent() ? 1 : 0;
          disagreement(schema, mutation, refusal).ifPresent(disagreements::add);
        }
      }
    }

    System.out.println(endpoint + ": " + checked + " bodies changed in one of " + fieldsChanged.size() + " fields, "
        + refused + " refused: " + fieldsChanged);
    assertEquals(Mutations.fields(endpoint.body().orElseThrow()), fieldsChanged, "every field the schema declares was changed");
    assertTrue(refused > 0, "some changes are refused");
    assertTrue(disagreements.isEmpty(), disagreements.size() + " disagreements, the first: "
        + disagreements.stream().limit(DISAGREEMENTS_SHOWN).collect(Collectors.joining("\n  ", "\n  ", "")));
  }

  private Optional<String> disagreement(Schema schema, Mutations.Mutation mutation, Optional<ApiError> refusal) {
    if (mutation.unreadable()) {
      return refusal.isPresent() && refusal.get().code().equals("invalid_json")
          ? Optional.empty()
          : Optional.of(mutation + ": not refused as unreadable JSON");
    }
    List<String> schemaSays = errors(schema, mutation.body());
    if (schemaSays.isEmpty()) {
      return refusal.map(error -> mutation + ": the schema allows it, the reader refuses: " + error.getMessage());
    }
    if (refusal.isEmpty()) {
      return Optional.of(mutation + ": the schema refuses it (" + schemaSays + "), the reader accepts");
    }
    return refusal.get().status().intValue() == 400 && namesTheField(refusal.get().getMessage(), mutation)
        ? Optional.empty()
        : Optional.of(mutation + ": refused without naming the field: " + refusal.get().getMessage());
  }

  /**
   * The message names the changed field or a part of it ({@code 'arms.v2'} for {@code arms}); an event
   * of an array as {@code event [1]: ... 'quantity'}, a catalog item as {@code item [1]: ... 'price'}. A change to the whole body need name no field.
   */
  private static boolean namesTheField(String message, Mutations.Mutation mutation) {
    String path = mutation.path();
    if (path.isEmpty()) {
      return true;
    }
    if (path.startsWith("[")) {
      int end = path.indexOf(']');
      String rest = end + 1 < path.length() ? path.substring(end + 2) : "";
      String index = path.substring(0, end + 1);
      return (message.contains("event " + index) || message.contains("item " + index))
          && (rest.isEmpty() || namesPath(message, rest));
    }
    return namesPath(message, path);
  }

  private static boolean namesPath(String message, String path) {
    return message.contains("'" + path + "'") || message.contains("'" + path + ".") || message.contains("'" + path + "[");
  }

  private Optional<ApiError> refusal(RequestShapes.Endpoint endpoint, JsonNode body) {
    try {
      readers.get(endpoint.toString()).accept(JsonBytes.of(body));
      return Optional.empty();
    } catch (ApiError refused) {
      return Optional.of(refused);
    }
  }

  private Schema schema(RequestShapes.Endpoint endpoint) {
    return registry.getSchema(SchemaLocation.of(RequestShapes.ID_PREFIX + endpoint.bodySchema().orElseThrow()));
  }

  // format is only an annotation in draft 2020-12 unless asserted: the API refuses a timestamp that is not one
  private static List<String> errors(Schema schema, JsonNode body) {
    List<Error> errors = schema.validate(new String(JsonBytes.of(body), StandardCharsets.UTF_8), InputFormat.JSON,
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    return errors.stream().map(Error::getMessage).toList();
  }
}
