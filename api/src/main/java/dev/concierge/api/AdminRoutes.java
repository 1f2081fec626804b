package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.rawPathPrefixTest;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.put;
import static org.apache.pekko.http.javadsl.server.Directives.reject;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.api.dto.AdminBodies;
import dev.concierge.engine.model.BundleStore;
import dev.concierge.engine.model.ModelAdmin;
import dev.concierge.engine.model.ModelRegistry;
import dev.concierge.models.scoring.FeatureSchemaMismatchException;
import dev.concierge.models.scoring.ModelCompilationException;
import dev.concierge.persistence.bundle.InvalidBundleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The model operations of the admin API, behind {@code Authorization: Bearer <token>}:
 * {@code GET/POST /admin/models}, {@code POST /admin/models/{version}/activate},
 * {@code GET /admin/experiments} and {@code PUT /admin/experiments/{name}}. Without a configured
 * token the admin API is off.
 */
public final class AdminRoutes {

  private static final String BEARER = "Bearer ";
  private static final String REALM = "concierge-admin";

  private final Optional<String> token;
  private final long maxBundleBytes;
  private final ModelAdmin models;
  private final JsonResponses responses;
  private final ObjectReader strictReader;

  public AdminRoutes(
      Optional<String> token, long maxBundleBytes, ModelAdmin models, JsonResponses responses,
      ObjectMapper mapper) {
    this.token = token.filter(value -> !value.isBlank());
    this.maxBundleBytes = maxBundleBytes;
    this.models = models;
    this.responses = responses;
    // content after the JSON value would otherwise be dropped silently
    this.strictReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  public Route route() {
    // "/admin" followed by a slash or nothing: "/administrator" is another path, not the admin API's
    return pathPrefix("admin", () -> concat(
        pathEnd(() -> authorized(() -> reject())),
        rawPathPrefixTest(PathMatchers.slash(), () -> authorized(() -> concat(modelRoutes(), experimentRoutes())))));
  }

  private Route authorized(Supplier<Route> inner) {
    if (token.isEmpty()) {
      return complete(responses.error(StatusCodes.NOT_FOUND, "admin_disabled",
          "the admin API is off; start the node with CONCIERGE_ADMIN_TOKEN set to enable it"));
    }
    return extractRequest(request -> {
      String given = request.getHeader("Authorization").map(h -> h.value()).orElse("");
      if (!given.startsWith(BEARER) || !constantTimeEquals(given.substring(BEARER.length()), token.get())) {
        return complete(responses.error(StatusCodes.UNAUTHORIZED, "unauthorized",
                "send the admin token as 'Authorization: Bearer <token>'")
            .addHeader(WWWAuthenticate.create(HttpChallenge.create("Bearer", REALM))));
      }
      return inner.get();
    });
  }

  private Route modelRoutes() {
    return pathPrefix("models", () -> concat(
        pathEnd(() -> concat(
            get(() -> answer(models.list(), StatusCodes.OK, AdminBodies::models)),
            post(() -> withSizeLimit(maxBundleBytes, () -> entity(Unmarshaller.entityToByteArray(),
                archive -> answer(models.publish(archive), StatusCodes.CREATED, AdminBodies::bundle)))))),
        path(PathMatchers.segment().slash("activate"), version ->
            post(() -> answer(models.activate(version), StatusCodes.OK, AdminBodies::assignment)))));
  }

  private Route experimentRoutes() {
    return pathPrefix("experiments", () -> concat(
        pathEnd(() -> get(() -> complete(responses.respond(StatusCodes.OK,
            json -> AdminBodies.assignment(json, models.assignment()))))),
        path(PathMatchers.segment(), name -> put(() -> entity(Unmarshaller.entityToByteArray(),
            body -> answer(models.putExperiment(name, arms(body)), StatusCodes.OK, AdminBodies::assignment))))));
  }

  private Map<String, Double> arms(byte[] body) {
    JsonNode root;
    try {
      root = strictReader.readTree(body);
    } catch (IOException e) {
      throw ApiError.invalidJson("the body is not valid JSON; send {\"arms\":{\"<version>\":<weight>,...}}");
    }
    JsonNode arms = root == null ? null : root.get("arms");
    if (arms == null || !arms.isObject()) {
      throw ApiError.badRequest("send {\"arms\":{\"<version>\":<weight>,...}}; an empty object ends the experiment");
    }
    Map<String, Double> weights = new HashMap<>();
    arms.fields().forEachRemaining(arm -> {
      if (!arm.getValue().isNumber()) {
        throw ApiError.badRequest("the weight of arm '" + arm.getKey() + "' must be a number > 0");
      }
      weights.put(arm.getKey(), arm.getValue().asDouble());
    });
    return weights;
  }

  /** Completes with the value written as JSON, or with the admin error the failure stands for. */
  private <T> Route answer(CompletionStage<T> stage, StatusCode status, BodyWriter<T> writer) {
    return onComplete(stage, result -> result.isSuccess()
        ? complete(responses.respond(status, json -> writer.write(json, result.get())))
        : complete(error(result.failed().get())));
  }

  private HttpResponse error(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof BundleStore.VersionExistsException) {
      return responses.error(StatusCodes.CONFLICT, "version_exists", message);
    }
    if (cause instanceof ModelRegistry.UnknownVersionException) {
      return responses.error(StatusCodes.NOT_FOUND, "unknown_version", message);
    }
    if (cause instanceof InvalidBundleException
        || cause instanceof FeatureSchemaMismatchException
        || cause instanceof ModelCompilationException) {
      return responses.error(StatusCodes.BAD_REQUEST, "invalid_bundle", message);
    }
    if (cause instanceof IllegalArgumentException) {
      return responses.error(StatusCodes.BAD_REQUEST, "invalid_request", message);
    }
    return responses.error(StatusCodes.SERVICE_UNAVAILABLE, "unavailable", message + "; retry");
  }

  private static boolean constantTimeEquals(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one admin response body. */
  @FunctionalInterface
  private interface BodyWriter<T> {
    void write(JsonGenerator json, T value) throws IOException;
  }
}
