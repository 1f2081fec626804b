package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.api.error.ApiError;
import dev.concierge.engine.cluster.ClusterAdminException;
import dev.concierge.engine.model.BundleStore;
import dev.concierge.engine.model.ModelRegistry;
import dev.concierge.models.scoring.FeatureSchemaMismatchException;
import dev.concierge.models.scoring.ModelCompilationException;
import dev.concierge.persistence.bundle.InvalidBundleException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** How every admin operation answers: its result as JSON, or the admin error its failure stands for. */
final class AdminAnswers {

  /** Writes one admin response body. */
  @FunctionalInterface
  interface BodyWriter<T> {
    void write(JsonGenerator json, T value) throws IOException;
  }

  private final JsonResponses responses;

  AdminAnswers(JsonResponses responses) {
    this.responses = responses;
  }

  <T> Route answer(Supplier<CompletionStage<T>> operation, StatusCode status, BodyWriter<T> writer) {
    return answer(operation, value -> status, writer);
  }

  /** Completes with the operation's value, under the status it picks for that value. */
  <T> Route answer(Supplier<CompletionStage<T>> operation, Function<T, StatusCode> status, BodyWriter<T> writer) {
    return onComplete(started(operation), result -> result.isSuccess()
        ? complete(responses.respond(status.apply(result.get()), json -> writer.write(json, result.get())))
        : complete(error(result.failed().get())));
  }

  // an argument check that throws before the operation's stage exists answers like a failed stage
  private static <T> CompletionStage<T> started(Supplier<CompletionStage<T>> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private HttpResponse clusterError(ClusterAdminException e) {
    return switch (e.reason()) {
      case UNKNOWN_SHARD -> responses.error(StatusCodes.NOT_FOUND, "unknown_shard", e.getMessage());
      case BAD_ADDRESS -> responses.error(StatusCodes.BAD_REQUEST, "invalid_request", e.getMessage());
      case UNKNOWN_NODE -> responses.error(StatusCodes.BAD_REQUEST, "unknown_node", e.getMessage());
      case NODE_NOT_UP -> responses.error(StatusCodes.CONFLICT, "node_not_up", e.getMessage());
    };
  }

  private HttpResponse error(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof ApiError apiError) {
      return responses.error(apiError);
    }
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
    if (cause instanceof ClusterAdminException clusterAdmin) {
      return clusterError(clusterAdmin);
    }
    if (cause instanceof IllegalArgumentException) {
      return responses.error(StatusCodes.BAD_REQUEST, "invalid_request", message);
    }
    return responses.error(StatusCodes.SERVICE_UNAVAILABLE, "unavailable", message + "; retry");
  }
}
