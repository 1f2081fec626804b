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

import dev.concierge.api.dto.AdminBodies;
import dev.concierge.api.dto.AdminRequests;
import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.model.ModelAdmin;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The admin API, behind {@code Authorization: Bearer <token>}: the models ({@code GET/POST
 * /admin/models}, {@code POST /admin/models/{version}/activate}), the experiments ({@code GET
 * /admin/experiments}, {@code PUT /admin/experiments/{name}}), the catalog ({@link CatalogRoutes}) and the
 * cluster ({@link ClusterAdminRoutes}). Without a configured token the admin API is off ({@link AdminAuth}).
 */
public final class AdminRoutes {

  private final AdminAuth auth;
  private final long maxBundleBytes;
  private final ModelAdmin models;
  private final ClusterAdminRoutes cluster;
  private final CatalogRoutes catalog;
  private final JsonResponses responses;
  private final AdminAnswers answers;
  private final AdminRequests requests;
  private final Route route;

  public AdminRoutes(
      AdminAuth auth, long maxBundleBytes, ModelAdmin models, ClusterAdmin cluster, CatalogRoutes catalog,
      JsonResponses responses, AdminRequests requests) {
    this.auth = auth;
    this.maxBundleBytes = maxBundleBytes;
    this.models = models;
    this.responses = responses;
    this.requests = requests;
    this.answers = new AdminAnswers(responses);
    this.cluster = new ClusterAdminRoutes(cluster, answers, requests);
    this.catalog = catalog;
    this.route = adminRoutes();
  }

  /**
   * The uploads larger than the API's usual body limit, each read whole up to its own: {@code POST
   * /admin/models} up to {@code concierge.admin.max-bundle-size}, {@code PUT /admin/catalog/items} up to
   * {@code concierge.admin.max-catalog-body-size}; and only once the token is checked, so a stranger's
   * upload is never buffered. Put it before the routes that {@link WholeBody} reads with the usual limit.
   */
  public Route largeUploads(WholeBody wholeBody) {
    Route read = wholeBody.of(route);
    Route bundle = upload(read, maxBundleBytes);
    Route catalogItems = upload(read, catalog.maxBodyBytes());
    Route postedBundle = post(() -> bundle);
    Route putCatalogItems = put(() -> catalogItems);
    return concat(
        pathPrefixTest(PathMatchers.segment("admin").slash("models").concat(PathMatchers.pathEnd()),
            () -> postedBundle),
        pathPrefixTest(PathMatchers.segment("admin").slash("catalog").slash("items").concat(PathMatchers.pathEnd()),
            () -> putCatalogItems));
  }

  private Route upload(Route read, long maxBytes) {
    Route limited = withSizeLimit(maxBytes, () -> read);
    return auth.authorized(limited);
  }

  public Route route() {
    return route;
  }

  // built once; a supplier below that builds a route does so because its route is the request's answer
  private Route adminRoutes() {
    Route root = auth.authorized(reject());
    Route authorized = auth.authorized(concat(modelRoutes(), experimentRoutes(), catalog.route(), cluster.route()));
    // "/admin" followed by a slash or nothing: "/administrator" is another path, not the admin API's
    Route admin = concat(pathEnd(() -> root), rawPathPrefixTest(PathMatchers.slash(), () -> authorized));
    return pathPrefix("admin", () -> admin);
  }

  private Route modelRoutes() {
    Route published = entity(Unmarshaller.entityToByteArray(),
        archive -> answers.answer(() -> models.publish(archive), StatusCodes.CREATED, AdminBodies::bundle));
    Route limited = withSizeLimit(maxBundleBytes, () -> published);
    Route listOrPublish = concat(
        get(() -> answers.answer(models::list, StatusCodes.OK, AdminBodies::models)),
        post(() -> limited));
    Route modelsRoutes = concat(
        pathEnd(() -> listOrPublish),
        path(PathMatchers.segment().slash("activate"), version ->
            post(() -> answers.answer(() -> models.activate(version), StatusCodes.OK, AdminBodies::assignment))));
    return pathPrefix("models", () -> modelsRoutes);
  }

  private Route experimentRoutes() {
    Route assignment = get(() -> complete(responses.respond(StatusCodes.OK,
        json -> AdminBodies.assignment(json, models.assignment()))));
    Route experiments = concat(
        pathEnd(() -> assignment),
        path(PathMatchers.segment(), name -> put(() -> entity(Unmarshaller.entityToByteArray(),
            body -> answers.answer(
                () -> models.putExperiment(requests.experimentName(name), requests.arms(body)),
                StatusCodes.OK, AdminBodies::assignment)))));
    return pathPrefix("experiments", () -> experiments);
  }
}
