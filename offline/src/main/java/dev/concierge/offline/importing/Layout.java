package dev.concierge.offline.importing;

import java.util.Map;
import java.util.Set;

/**
 * The columns an import format reads: those it needs, those it uses when present, and where each is
 * in a file without a header (0-based; a role without a position must be named in the header or
 * mapped).
 */
record Layout(Set<Role> required, Set<Role> optional, Map<Role, Integer> positions) {

  Layout {
    required = Set.copyOf(required);
    optional = Set.copyOf(optional);
    positions = Map.copyOf(positions);
  }

  boolean reads(Role role) {
    return required.contains(role) || optional.contains(role);
  }
}
