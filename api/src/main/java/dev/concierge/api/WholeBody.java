package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.extractMaterializer;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequestEntity;
import static org.apache.pekko.http.javadsl.server.Directives.mapRequest;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;

import dev.concierge.api.error.ApiError;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Reads each request's body whole before routing. Pekko closes the connection of a request whose
 * body was left unread, and a client still sending it can lose the answer (a 415, a 405, a 404) to
 * the reset. Read first, every answer arrives. The body stays within
 * {@code pekko.http.server.parsing.max-content-length}; a larger one is a 413 (see {@link ErrorHandling}).
 */
public final class WholeBody {

  private final Duration timeout;

  public WholeBody(Duration timeout) {
    this.timeout = timeout;
  }

  /** {@code inner}, given each request with its body read whole; a strict body, the usual case, goes straight on. */
  public Route of(Route inner) {
    return extractRequestEntity(entity -> entity.isStrict() ? inner : extractMaterializer(materializer ->
        onComplete(entity.toStrict(timeout.toMillis(), materializer), read -> {
          if (read.isFailure()) {
            throw read.failed().get() instanceof TimeoutException ? tooSlow() : asUnchecked(read.failed().get());
          }
          HttpEntity.Strict body = read.get();
          return mapRequest(request -> request.withEntity(body), () -> inner);
        })));
  }

  private ApiError tooSlow() {
    return new ApiError(StatusCodes.REQUEST_TIMEOUT, "request_timeout",
        "the request body did not arrive within " + timeout.toMillis() + " ms; send it whole, at once");
  }

  private static RuntimeException asUnchecked(Throwable failure) {
    return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
  }
}
