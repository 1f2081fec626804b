package dev.concierge.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The path templates the API serves, as its OpenAPI document lists them ({@code
 * /v1/customers/{customerId}/features}), and which of them a request's path is: the label of a
 * request's meters, which must not hold a customer's id or anything else a client chose. The routes
 * serve exactly the documented paths (OpenApiRoutesCoverageTest), so the document is the one list.
 */
public final class RouteTemplates {

  /** The label of every path the document does not list: the demo storefront's, and unknown ones. */
  public static final String OTHER = "other";

  private final List<String> templates;
  private final List<String[]> segments;

  private RouteTemplates(List<String> templates) {
    this.templates = List.copyOf(templates);
    this.segments = new ArrayList<>(templates.size());
    for (String template : templates) {
      segments.add(template.substring(1).split("/", -1));
    }
  }

  public static RouteTemplates of(OpenApiDocument document) {
    List<String> templates = new ArrayList<>();
    document.tree().path("paths").fieldNames().forEachRemaining(templates::add);
    return new RouteTemplates(templates);
  }

  /** All the templates, in the document's order; a request's label is one of them or {@link #OTHER}. */
  public List<String> all() {
    return templates;
  }

  /** The index in {@link #all()} of the template {@code path} matches, or {@code all().size()} for none. */
  public int indexOf(String path) {
    for (int index = 0; index < segments.size(); index++) {
      if (matches(segments.get(index), path)) {
        return index;
      }
    }
    return templates.size();
  }

  public String label(int index) {
    return index < templates.size() ? templates.get(index) : OTHER;
  }

  // walks the path in place: a request's path is matched without splitting it
  private static boolean matches(String[] template, String path) {
    int at = 0;
    for (String segment : template) {
      if (at >= path.length() || path.charAt(at) != '/') {
        return false;
      }
      int start = at + 1;
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      boolean variable = segment.startsWith("{");
      if (variable ? end == start : !path.regionMatches(start, segment, 0, segment.length()) || end - start != segment.length()) {
        return false;
      }
      at = end;
    }
    return at == path.length();
  }
}
