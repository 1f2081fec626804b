package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.contract.ApiContract;
import dev.concierge.api.contract.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;

/**
 * The routes and the OpenAPI document list the same operations, found by probing the route tree (which
 * Pekko's DSL gives no way to walk): every documented operation is routed; every other method on a
 * documented path is a 405; and no path outside the document is answered, of those made by adding a
 * word to the root or to a documented path or any of its prefixes. The words are every name in the
 * route classes' compiled code, where a path segment of theirs is a string constant, so a route added
 * with a new segment is probed without a list kept here.
 */
class OpenApiRoutesCoverageTest extends RouteTestSupport {

  private static final ApiContract CONTRACT = ApiContract.load();
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
  // a path segment as it stands in a class file's constant pool
  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9._-]{1,40}");

  private final Route route = new RouteFixture().route();

  @Test
  void everyDocumentedOperationIsRouted() {
    List<String> unrouted = new ArrayList<>();
    for (Operation operation : CONTRACT.operations()) {
      TestRouteResult result = probe(operation.method(), operation.examplePath());
      if (unrouted(result)) {
        unrouted.add(operation + " -> " + result.entityString());
      }
    }
    assertEquals(List.of(), unrouted, "documented operations the routes do not answer");
  }

  @Test
  void everyOtherMethodOnADocumentedPathIs405() {
    List<String> answered = new ArrayList<>();
    for (Operation operation : CONTRACT.operations()) {
      for (String method : METHODS) {
        if (CONTRACT.operation(method, operation.examplePath()).isEmpty()) {
          TestRouteResult result = probe(method, operation.examplePath());
          if (!unrouted(result)) {
            answered.add(method + " " + operation.examplePath() + " -> " + result.response().status());
          }
        }
      }
    }
    assertEquals(List.of(), answered, "methods answered on documented paths that the document does not list");
  }

  @Test
  void noPathOutsideTheDocumentIsAnswered() {
    Set<String> words = routeWords();
    Set<String> probed = new TreeSet<>();
    List<String> answered = new ArrayList<>();
    for (String prefix : documentedPrefixes()) {
      for (String word : words) {
        String path = prefix + "/" + word;
        if (!CONTRACT.documents(path) && probed.add(path)) {
          // a 405 is routed too: some route took the path, for another method
          TestRouteResult result = probe("GET", path);
          if (!notFound(result)) {
            answered.add(path + " -> " + result.response().status());
          }
        }
      }
    }
    System.out.println(probed.size() + " undocumented paths probed, made of " + words.size() + " words");
    assertTrue(words.containsAll(List.of("v1", "events", "admin", "activate", "openapi.json")), "words: " + words);
    assertEquals(List.of(), answered, "paths the routes answer that the document does not list");
  }

  // with the secret the path's surface takes, so that only a path no route takes answers 404
  private TestRouteResult probe(String method, String path) {
    String secret = path.startsWith("/admin") ? RouteFixture.ADMIN_TOKEN : RouteFixture.SERVER_KEY;
    HttpRequest request = HttpRequest.create(path).withMethod(HttpMethods.lookup(method).orElseThrow())
        .addHeader(Authorization.oauth2(secret));
    return testRoute(route).run(request);
  }

  // no route took the request: Pekko's own rejections, in the contract's error body
  private static boolean unrouted(TestRouteResult result) {
    return notFound(result)
        || (result.response().status().intValue() == 405 && result.entityString().contains("\"method_not_allowed\""));
  }

  private static boolean notFound(TestRouteResult result) {
    return result.response().status().intValue() == 404 && result.entityString().contains("\"not_found\"");
  }

  /** The root, and each documented path and each of its prefixes, its parameters filled with examples. */
  private static Set<String> documentedPrefixes() {
    Set<String> prefixes = new TreeSet<>(Set.of(""));
    for (Operation operation : CONTRACT.operations()) {
      String path = operation.examplePath();
      for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
        prefixes.add(path.substring(0, slash));
      }
      prefixes.add(path);
    }
    return prefixes;
  }

  /** Every lower-case name in the compiled route classes: their path segments, and much besides. */
  private static Set<String> routeWords() {
    try (Stream<Path> classes = Files.list(Path.of(ApiRoutes.class.getResource("ApiRoutes.class").toURI()).getParent())) {
      Set<String> words = new TreeSet<>();
      for (Path routeClass : classes.filter(file -> file.getFileName().toString().matches(".*Routes(\\$.*)?\\.class")).toList()) {
        Matcher word = WORD.matcher(new String(Files.readAllBytes(routeClass), StandardCharsets.ISO_8859_1));
        while (word.find()) {
          words.add(word.group());
        }
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
