package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ItemClustersTest {

  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(1000, 42);
  private static final Map<String, String> CATEGORY =
      CATALOG.stream().collect(Collectors.toMap(CatalogItem::itemId, CatalogItem::category));
  private static final ItemClusters CLUSTERS = clusters(1);

  @Test
  void everyItemIsInExactlyOneCluster() {
    List<String> clustered = new ArrayList<>();
    for (int c = 0; c < CLUSTERS.clusterCount(); c++) {
      clustered.addAll(CLUSTERS.itemsIn(c));
      for (String item : CLUSTERS.itemsIn(c)) {
        assertEquals(c, CLUSTERS.clusterOf(item));
      }
    }

    assertEquals(CATALOG.size(), clustered.size());
    assertEquals(CATEGORY.keySet(), new HashSet<>(clustered));
  }

  @Test
  void aClusterHoldsAHandfulOfItemsOfOneCategory() {
    for (int c = 0; c < CLUSTERS.clusterCount(); c++) {
      List<String> items = CLUSTERS.itemsIn(c);
      assertTrue(items.size() >= 5 && items.size() <= 10, "cluster " + c + ": " + items);
      assertEquals(1, items.stream().map(CATEGORY::get).distinct().count(), "cluster " + c + ": " + items);
    }
  }

  @Test
  void clustersOfComplementaryCategoriesAreLinked() {
    assertEquals("sleeping-bags", complementaryCategoryOf("tents"));
    assertEquals("tents", complementaryCategoryOf("sleeping-bags"));
    assertEquals("socks", complementaryCategoryOf("shoes"));
    for (int c = 0; c < CLUSTERS.clusterCount(); c++) {
      assertTrue(CLUSTERS.complementOf(c).isPresent(), "the demo categories pair up evenly");
    }
  }

  @Test
  void categoriesWithoutAKnownPartnerArePairedInOrderOfAppearance() {
    List<CatalogItem> catalog = IntStream.range(0, 30)
        .mapToObj(i -> new CatalogItem("i-" + i, List.of("lamps", "bulbs", "shades").get(i % 3), 10, true, "", 1))
        .toList();
    ItemClusters clusters = new Assortment(catalog, ShopperBehaviour.DEFAULT, new SplittableRandom(1)).clusters();
    Map<String, String> category =
        catalog.stream().collect(Collectors.toMap(CatalogItem::itemId, CatalogItem::category));
    Function<String, String> partner = item -> clusters.complementOf(clusters.clusterOf(item))
        .stream().mapToObj(c -> category.get(clusters.itemsIn(c).get(0))).findFirst().orElse("none");

    assertEquals("bulbs", partner.apply("i-0"));
    assertEquals("lamps", partner.apply("i-1"));
    assertEquals("none", partner.apply("i-2"));
  }

  @Test
  void theSameSeedGivesTheSameClustersAndAnotherSeedOthers() {
    assertEquals(memberships(CLUSTERS), memberships(clusters(1)));
    assertNotEquals(memberships(CLUSTERS), memberships(clusters(2)));
  }

  @Test
  void anItemOutsideTheCatalogHasNoCluster() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> CLUSTERS.clusterOf("sku-99999"));

    assertTrue(refused.getMessage().contains("sku-99999"), refused.getMessage());
  }

  private static String complementaryCategoryOf(String category) {
    String item = CATALOG.stream().filter(i -> i.category().equals(category)).findFirst().orElseThrow().itemId();
    int complement = CLUSTERS.complementOf(CLUSTERS.clusterOf(item)).orElseThrow();
    return CATEGORY.get(CLUSTERS.itemsIn(complement).get(0));
  }

  private static Set<Set<String>> memberships(ItemClusters clusters) {
    return IntStream.range(0, clusters.clusterCount())
        .mapToObj(c -> Set.copyOf(clusters.itemsIn(c)))
        .collect(Collectors.toSet());
  }

  private static ItemClusters clusters(long seed) {
    return ShopperSimulation.of(SimulationSettings.of(1, 0, seed), CATALOG).clusters();
  }
}
