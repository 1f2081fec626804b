package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.withRequestTimeout;

import dev.concierge.api.dto.AdminRequests;
import dev.concierge.api.dto.ClusterBodies;
import dev.concierge.engine.cluster.ClusterAdmin;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The operator's part of the admin API: {@code GET /admin/members}, {@code GET /admin/shards},
 * {@code POST /admin/shards/{shardId}/move}, {@code POST /admin/nodes/drain} and {@code GET
 * /admin/allocation}. A move or drain that is still under way when its wait ends answers 202.
 */
final class ClusterAdminRoutes {

  private final ClusterAdmin cluster;
  private final AdminAnswers answers;
  private final AdminRequests requests;
  private final Route route;

  ClusterAdminRoutes(ClusterAdmin cluster, AdminAnswers answers, AdminRequests requests) {
    this.cluster = cluster;
    this.answers = answers;
    this.requests = requests;
    this.route = clusterRoutes();
  }

  Route route() {
    return route;
  }

  // built once; the suppliers that build a route do so because it is the request's answer
  private Route clusterRoutes() {
    Route members = get(() -> answers.answer(
        () -> CompletableFuture.completedFuture(cluster.members()), StatusCodes.OK, ClusterBodies::members));
    Route shards = get(() -> answers.answer(cluster::shards, StatusCodes.OK, ClusterBodies::shards));
    Route drained = waitingLong(entity(Unmarshaller.entityToByteArray(), body -> answers.answer(
        () -> cluster.drain(requests.drainAddress(body)), ClusterAdminRoutes::drainStatus, ClusterBodies::drain)));
    Route drain = post(() -> drained);
    Route allocation = get(() -> answers.answer(cluster::allocation, StatusCodes.OK, ClusterBodies::allocation));
    return concat(
        path("members", () -> members),
        path("shards", () -> shards),
        path(PathMatchers.segment("shards").slash(PathMatchers.segment()).slash("move"), shardId ->
            post(() -> waitingLong(entity(Unmarshaller.entityToByteArray(), body -> answers.answer(
                () -> cluster.move(shardId, requests.moveTarget(body)),
                ClusterAdminRoutes::moveStatus, ClusterBodies::move))))),
        path(PathMatchers.segment("nodes").slash("drain"), () -> drain),
        path("allocation", () -> allocation));
  }

  // a move or drain answers 202 when its own wait ends, which is longer than the server's request timeout
  private Route waitingLong(Route inner) {
    return withRequestTimeout(cluster.longestAnswer(), () -> inner);
  }

  private static StatusCode moveStatus(ClusterAdmin.MoveResult result) {
    return result.status() == ClusterAdmin.MoveStatus.PENDING ? StatusCodes.ACCEPTED : StatusCodes.OK;
  }

  private static StatusCode drainStatus(ClusterAdmin.DrainResult result) {
    return result.status() == ClusterAdmin.DrainStatus.REMOVED ? StatusCodes.OK : StatusCodes.ACCEPTED;
  }
}
