package dev.concierge.offline.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which categories sell together (tents with sleeping bags, shoes with socks). Shoppers hop
 * between them, so cross-category co-views are learnable too. The demo catalog's categories get
 * believable partners; other categories are paired in the order they appear.
 */
final class CategoryComplements {

  private static final List<List<String>> KNOWN_PAIRS = List.of(
      List.of("shoes", "socks"),
      List.of("tents", "sleeping-bags"),
      List.of("backpacks", "water-bottles"),
      List.of("jackets", "rain-gear"),
      List.of("stoves", "headlamps"),
      List.of("trekking-poles", "maps"),
      List.of("gloves", "hats"),
      List.of("base-layers", "cycling"),
      List.of("climbing", "first-aid"),
      List.of("swimwear", "yoga"));

  private CategoryComplements() {}

  /** Each category's partner, both ways; a category left over (an odd count) has none. */
  static Map<String, String> pair(List<String> categories) {
    Map<String, String> partner = new HashMap<>();
    for (List<String> known : KNOWN_PAIRS) {
      if (categories.contains(known.get(0)) && categories.contains(known.get(1))) {
        link(partner, known.get(0), known.get(1));
      }
    }
    List<String> unpaired = new ArrayList<>();
    for (String category : categories) {
      if (!partner.containsKey(category)) {
        unpaired.add(category);
      }
    }
    for (int i = 0; i + 1 < unpaired.size(); i += 2) {
      link(partner, unpaired.get(i), unpaired.get(i + 1));
    }
    return partner;
  }

  private static void link(Map<String, String> partner, String a, String b) {
    partner.put(a, b);
    partner.put(b, a);
  }
}
