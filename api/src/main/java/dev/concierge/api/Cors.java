package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeaders;

import dev.concierge.api.AccessSettings.CorsSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.AccessControlAllowHeaders;
import org.apache.pekko.http.javadsl.model.headers.AccessControlAllowMethods;
import org.apache.pekko.http.javadsl.model.headers.AccessControlExposeHeaders;
import org.apache.pekko.http.javadsl.model.headers.AccessControlMaxAge;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * CORS for the endpoints storefront pages call from their own origin, {@code /v1/events} and {@code
 * /v1/decisions}, and for the origins configured ({@code concierge.http.cors.allowed-origins}). A
 * preflight from one answers 204 with what the SDK's {@code POST} needs; one from another origin 403.
 * Every answer to an allowed origin, errors included, says so, else the browser hides a 400 or a 429
 * from the page as a network error; and it exposes {@code Retry-After}, which the page could not read
 * otherwise. Wraps the error handling, so that errors pass through it. Pekko HTTP's CORS module is not
 * among the project's dependencies (docs/decisions.md, "CORS without pekko-http-cors").
 */
public final class Cors {

  static final String ANY_ORIGIN = "*";
  private static final Set<String> BROWSER_PATHS = Set.of("/v1/events", "/v1/decisions");

  private final Set<String> allowedOrigins;
  private final boolean anyOrigin;
  private final long maxAgeSeconds;
  private final Route forbiddenPreflight;

  public Cors(CorsSettings settings, JsonResponses responses) {
    this.allowedOrigins = Set.copyOf(settings.allowedOrigins());
    this.anyOrigin = allowedOrigins.contains(ANY_ORIGIN);
    this.maxAgeSeconds = settings.maxAge().toSeconds();
    this.forbiddenPreflight = complete(responses.error(StatusCodes.FORBIDDEN, "forbidden",
        "this origin may not call the API from a browser; add it to concierge.http.cors.allowed-origins"
            + " (CONCIERGE_HTTP_CORS_ALLOWED_ORIGINS)"));
  }

  /** {@code inner} with CORS on the browser endpoints; the routes are built here, once per allowed origin. */
  public Route of(Route inner) {
    if (allowedOrigins.isEmpty()) {
      return inner;
    }
    Map<String, Route> preflights = perOrigin(origin -> complete(preflight(origin)));
    Map<String, Route> answers = perOrigin(origin -> respondWithHeaders(actualHeaders(origin), () -> inner));
    return extractRequest(request -> {
      Optional<String> origin = request.getHeader("Origin").map(HttpHeader::value);
      if (origin.isEmpty() || !BROWSER_PATHS.contains(request.getUri().path())) {
        return inner;
      }
      String allowed = anyOrigin ? ANY_ORIGIN : origin.get();
      if (isPreflight(request)) {
        return preflights.getOrDefault(allowed, forbiddenPreflight);
      }
      return answers.getOrDefault(allowed, inner);
    });
  }

  private Map<String, Route> perOrigin(Function<String, Route> route) {
    return allowedOrigins.stream().collect(Collectors.toUnmodifiableMap(origin -> origin, route));
  }

  private static boolean isPreflight(HttpRequest request) {
    return request.method().equals(HttpMethods.OPTIONS) && request.getHeader("Access-Control-Request-Method").isPresent();
  }

  private HttpResponse preflight(String origin) {
    return HttpResponse.create()
        .withStatus(StatusCodes.NO_CONTENT)
        .addHeaders(List.of(
            allowOrigin(origin),
            AccessControlAllowMethods.create(HttpMethods.POST),
            AccessControlAllowHeaders.create("Content-Type"),
            AccessControlMaxAge.create(maxAgeSeconds),
            varyByOrigin()));
  }

  private static List<HttpHeader> actualHeaders(String origin) {
    return List.of(allowOrigin(origin), AccessControlExposeHeaders.create("Retry-After"), varyByOrigin());
  }

  // the origin as configured, which is what the browser sent: an HttpOrigin would re-render it
  private static HttpHeader allowOrigin(String origin) {
    return RawHeader.create("Access-Control-Allow-Origin", origin);
  }

  // caches must not hand one origin's answer to another
  private static HttpHeader varyByOrigin() {
    return RawHeader.create("Vary", "Origin");
  }
}
