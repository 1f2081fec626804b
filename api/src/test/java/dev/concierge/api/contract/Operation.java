package dev.concierge.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * One operation of the OpenAPI document.
 *
 * @param method     upper case, as HTTP sends it
 * @param path       the path template, with {@code {name}} for each parameter
 * @param definition the document's operation object
 */
public record Operation(String method, String path, JsonNode definition) {

  private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

  /** Whether {@code requestPath} (no query) is an instance of the template: a parameter stands for one segment. */
  public boolean matches(String requestPath) {
    return pathPattern().matcher(requestPath).matches();
  }

  /** How many parameters the template has: of two templates that match, the one with fewer is the route. */
  int parameters() {
    return (int) PARAMETER.matcher(path).results().count();
  }

  /** Whether the operation answers only with the admin token. */
  public boolean admin() {
    return requires("adminToken");
  }

  /** Whether {@code scheme} is among the operation's security requirements. */
  private boolean requires(String scheme) {
    for (JsonNode requirement : definition.path("security")) {
      if (requirement.has(scheme)) {
        return true;
      }
    }
    return false;
  }

  /** The path with each parameter replaced by the first example of its schema. */
  public String examplePath() {
    String filled = path;
    for (JsonNode parameter : definition.path("parameters")) {
      JsonNode example = parameter.path("schema").path("examples").path(0);
      if (!example.isTextual()) {
        throw new IllegalStateException(this + ": path parameter " + parameter.path("name") + " has no example");
      }
      filled = filled.replace("{" + parameter.path("name").asText() + "}", example.asText());
    }
    return filled;
  }

  private Pattern pathPattern() {
    StringBuilder regex = new StringBuilder();
    int at = 0;
    var parameters = PARAMETER.matcher(path);
    while (parameters.find()) {
      regex.append(Pattern.quote(path.substring(at, parameters.start()))).append("[^/]+");
      at = parameters.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(path.substring(at))).toString());
  }

  /** {@code POST /v1/decisions} */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
