package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.rawPathPrefixTest;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.put;
import static org.apache.pekko.http.javadsl.server.Directives.reject;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefixTest;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.dto.AdminBodies;
import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.model.ModelAdmin;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The admin API, behind {@code Authorization: Bearer <token>}: the models ({@code GET/POST
 * /admin/models}, {@code POST /admin/models/{version}/activate}), the experiments ({@code GET
 * /admin/experiments}, {@code PUT /admin/experiments/{name}}) and the cluster ({@link
 * ClusterAdminRoutes}). Without a configured token the admin API is off ({@link AdminAuth}).
 */
public final class AdminRoutes {

  private static final String ARMS_SHAPE =
      "{\"arms\":{\"<version>\":<weight>,...}}; an empty object ends the experiment";

  private final AdminAuth auth;
  private final long maxBundleBytes;
  private final ModelAdmin models;
  private final ClusterAdminRoutes cluster;
  private final JsonResponses responses;
  private final AdminAnswers answers;

  public AdminRoutes(
      AdminAuth auth, long maxBundleBytes, ModelAdmin models, ClusterAdmin cluster,
      JsonResponses responses, ObjectMapper mapper) {
    this.auth = auth;
    this.maxBundleBytes = maxBundleBytes;
    this.models = models;
    this.responses = responses;
    this.answers = new AdminAnswers(responses, mapper);
    this.cluster = new ClusterAdminRoutes(cluster, answers);
  }

  /**
   * {@code POST /admin/models}, read whole up to {@code concierge.admin.max-bundle-size} rather than
   * the API's usual body limit, and only once the token is checked: a stranger's upload is never
   * buffered. Put it before the routes that {@link WholeBody} reads with the usual limit.
   */
  public Route bundleUpload(WholeBody wholeBody) {
    return pathPrefixTest(PathMatchers.segment("admin").slash("models").concat(PathMatchers.pathEnd()), () ->
        post(() -> auth.authorized(() -> withSizeLimit(maxBundleBytes, () -> wholeBody.of(this::route)))));
  }

  public Route route() {
    // "/admin" followed by a slash or nothing: "/administrator" is another path, not the admin API's
    return pathPrefix("admin", () -> concat(
        pathEnd(() -> auth.authorized(() -> reject())),
        rawPathPrefixTest(PathMatchers.slash(), () -> auth.authorized(() -> concat(
            modelRoutes(), experimentRoutes(), cluster.route())))));
  }

  private Route modelRoutes() {
    return pathPrefix("models", () -> concat(
        pathEnd(() -> concat(
            get(() -> answers.answer(models::list, StatusCodes.OK, AdminBodies::models)),
            post(() -> withSizeLimit(maxBundleBytes, () -> entity(Unmarshaller.entityToByteArray(),
                archive -> answers.answer(() -> models.publish(archive), StatusCodes.CREATED, AdminBodies::bundle)))))),
        path(PathMatchers.segment().slash("activate"), version ->
            post(() -> answers.answer(() -> models.activate(version), StatusCodes.OK, AdminBodies::assignment)))));
  }

  private Route experimentRoutes() {
    return pathPrefix("experiments", () -> concat(
        pathEnd(() -> get(() -> complete(responses.respond(StatusCodes.OK,
            json -> AdminBodies.assignment(json, models.assignment()))))),
        path(PathMatchers.segment(), name -> put(() -> entity(Unmarshaller.entityToByteArray(),
            body -> answers.answer(
                () -> models.putExperiment(name, arms(body)), StatusCodes.OK, AdminBodies::assignment))))));
  }

  private Map<String, Double> arms(byte[] body) {
    JsonNode arms = answers.object(body, ARMS_SHAPE).get("arms");
    if (arms == null || !arms.isObject()) {
      throw ApiError.badRequest("send " + ARMS_SHAPE);
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
}
