package dev.concierge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.shapes.HostileValues;
import dev.concierge.api.shapes.JsonBytes;
import dev.concierge.api.shapes.Mutations;
import dev.concierge.api.shapes.RequestShapes;
import dev.concierge.api.shapes.Shape;
import dev.concierge.api.shapes.ValidValues;
import dev.concierge.models.SafeText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Requests a careless or hostile client might send, made from the API's OpenAPI document
 * ({@link RequestShapes}): for any documented operation, a valid request, or one with a single field of its
 * body or a single path parameter made hostile ({@link Mutations}), or a body that is not JSON at all;
 * now and then under the wrong content type, the wrong method, or without the admin token.
 */
final class HostileRequests {

  /**
   * One request.
   *
   * @param admin       whether it carries the admin token
   * @param customerIds the customers the request names, which its actor answers if it is accepted
   */
  record Request(String method, String path, String contentType, boolean admin, byte[] body, Set<String> customerIds,
      String change) {
    String describe() {
      return method + " " + SafeText.of(path) + " [" + contentType + (admin ? ", admin" : "") + "] " + change + ": "
          + SafeText.of(new String(body, StandardCharsets.UTF_8), SafeText.MAX_CHARACTERS * 2);
    }
  }

  private static final String JSON = "application/json";
  private static final List<String> WRONG_CONTENT_TYPES = List.of(
      "text/plain", "application/x-www-form-urlencoded", "application/octet-stream", "application/json; charset=latin1");
  private static final String[] OTHER_METHODS = {"GET", "PUT", "POST", "DELETE", "PATCH"};
  private static final int PERCENT = 100;
  // of the requests with a body: valid ones, one field hostile, not JSON, cut short; the rest change a parameter
  private static final int VALID_SHARE = 15;
  private static final int FIELD_SHARE = 60;
  private static final int NOT_JSON_SHARE = 8;
  private static final int CUT_SHARE = 7;
  private static final int WRONG_CONTENT_TYPE_SHARE = 5;
  private static final int WRONG_METHOD_SHARE = 3;
  private static final int NO_TOKEN_SHARE = 5;
  private static final int MAX_RANDOM_BYTES = 300;

  private final Random random;
  private final List<RequestShapes.Endpoint> endpoints;
  private final ValidValues valid;
  private final HostileValues hostile;
  private final Mutations mutations;

  HostileRequests(RequestShapes shapes, Random random) {
    this.random = random;
    this.endpoints = shapes.endpoints();
    this.valid = new ValidValues(random);
    this.hostile = new HostileValues(valid);
    this.mutations = new Mutations(hostile);
  }

  Request next() {
    RequestShapes.Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
    Map<String, String> parameters = new LinkedHashMap<>();
    endpoint.parameters().forEach((name, shape) -> parameters.put(name, valid.of(shape).asText()));
    Optional<JsonNode> body = endpoint.body().map(valid::of);
    String change = "valid";
    byte[] bytes = body.map(JsonBytes::of).orElse(new byte[0]);
    int roll = random.nextInt(PERCENT);
    if (body.isPresent() && roll >= VALID_SHARE && roll < VALID_SHARE + FIELD_SHARE) {
      Mutations.Mutation mutation = oneField(body.get(), endpoint.body().get());
      change = mutation.toString();
      body = Optional.of(mutation.body());
      bytes = JsonBytes.of(mutation.body());
    } else if (body.isPresent() && roll >= VALID_SHARE + FIELD_SHARE && roll < VALID_SHARE + FIELD_SHARE + NOT_JSON_SHARE) {
      change = "random bytes";
      bytes = new byte[random.nextInt(MAX_RANDOM_BYTES)];
      random.nextBytes(bytes);
    } else if (body.isPresent() && roll >= PERCENT - CUT_SHARE) {
      change = "cut short";
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
    } else if (roll >= VALID_SHARE && !parameters.isEmpty()) {
      String name = List.copyOf(parameters.keySet()).get(random.nextInt(parameters.size()));
      List<HostileValues.Hostile> values = hostile.of(endpoint.parameters().get(name));
      HostileValues.Hostile value = values.get(random.nextInt(values.size()));
      change = "parameter " + name + ": " + value.description();
      parameters.put(name, value.value().isTextual() ? value.value().asText() : value.value().toString());
    }
    Map<String, String> encoded = new LinkedHashMap<>();
    parameters.forEach((name, value) -> encoded.put(name, URLEncoder.encode(value, StandardCharsets.UTF_8)));
    Set<String> customers = new TreeSet<>();
    body.ifPresent(json -> customerIds(json, customers));
    Optional.ofNullable(parameters.get("customerId")).ifPresent(customers::add);
    return new Request(
        random.nextInt(PERCENT) < WRONG_METHOD_SHARE ? OTHER_METHODS[random.nextInt(OTHER_METHODS.length)] : endpoint.method(),
        endpoint.pathWith(encoded),
        endpoint.body().isEmpty() ? null : contentType(),
        endpoint.admin() && random.nextInt(PERCENT) >= NO_TOKEN_SHARE,
        bytes, customers, change);
  }

  private Mutations.Mutation oneField(JsonNode body, Shape shape) {
    List<Mutations.Place> places = Mutations.places(body, shape);
    Mutations.Place place = places.get(random.nextInt(places.size()));
    List<Mutations.Mutation> ways = mutations.at(body, place);
    return ways.get(random.nextInt(ways.size()));
  }

  private String contentType() {
    return random.nextInt(PERCENT) < WRONG_CONTENT_TYPE_SHARE
        ? WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()))
        : JSON;
  }

  /**
   * Every {@code customerId} the body names: a decision's, an event's, or each event's of an array.
   * Only the top level and an array's elements are read, never deeper: a hostile body may nest
   * thousands of arrays, and following them would overflow this thread's stack.
   */
  private static void customerIds(JsonNode json, Set<String> customers) {
    if (json.isArray()) {
      json.forEach(element -> customerId(element, customers));
    } else {
      customerId(json, customers);
    }
  }

  private static void customerId(JsonNode json, Set<String> customers) {
    JsonNode customerId = json.get("customerId");
    if (customerId != null && customerId.isTextual()) {
      customers.add(customerId.asText());
    }
  }
}
