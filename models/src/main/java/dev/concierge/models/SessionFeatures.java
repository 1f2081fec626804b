package dev.concierge.models;

import java.time.Instant;
import java.util.List;

/**
 * The shopper's current session: it started with the first event after an idle gap (or a new
 * storefront session id).
 *
 * @param startedAt  the first event of the session, or {@code null} before any event
 * @param events     events in the session
 * @param categories distinct categories of the session, most recent first
 * @param key        hash of the storefront's session id, 0 when the events carry none
 */
public record SessionFeatures(Instant startedAt, int events, List<String> categories, int key) {

  public static final SessionFeatures NONE = new SessionFeatures(null, 0, List.of(), 0);

  public SessionFeatures {
    categories = List.copyOf(categories);
  }
}
