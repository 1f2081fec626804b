package dev.concierge.offline.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers distinct ids from 0 as they come, so that a table of millions of rows holds each id once. */
final class IdDictionary {

  private final Map<String, Integer> numbers = new HashMap<>();
  private final List<String> ids = new ArrayList<>();

  int number(String id) {
    Integer known = numbers.get(id);
    if (known != null) {
      return known;
    }
    int number = ids.size();
    numbers.put(id, number);
    ids.add(id);
    return number;
  }

  String id(int number) {
    return ids.get(number);
  }

  int size() {
    return ids.size();
  }
}
