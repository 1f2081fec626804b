package dev.concierge.api.contract;

import java.util.Set;

/**
 * What the server answered one request, as the contract judges it.
 *
 * @param path        the request's path, without the query
 * @param mediaType   the answer's media type without parameters; empty when it has no body
 * @param headerNames the answer's header names, in lower case
 */
public record Answer(String method, String path, int status, String mediaType, String body, Set<String> headerNames) {

  @Override
  public String toString() {
    return method + " " + path + " -> " + status + " " + mediaType + " " + body;
  }
}
