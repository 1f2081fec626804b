package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.demo.DemoSettings;
import dev.concierge.api.demo.DemoStorefront;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;

/** The demo storefront's routes: its pages, the SDK they import, and the shop's catalog and key. */
class DemoStorefrontTest extends RouteTestSupport {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_ITEMS = 2;

  private final AtomicReference<Catalog> catalog = new AtomicReference<>(Catalog.of(List.of(
      new CatalogItem("sku-1", "tents", 120, true, "Ridge tent", 5),
      new CatalogItem("sku-2", "socks", 9.5, false, "Wool socks", 50),
      new CatalogItem("sku-3", "tents", 300, true, "Summit tent", 20))));

  private Route demo(String publishableKey) {
    return new DemoStorefront(new DemoSettings(true, publishableKey, MAX_ITEMS), catalog::get,
        new JsonResponses(MAPPER.getFactory())).route();
  }

  @Test
  void theStorefrontIsAtDemoSlash() {
    TestRouteResult bare = get(demo(""), "/demo");
    assertEquals(301, bare.response().status().intValue());
    assertEquals("/demo/", bare.response().getHeader("Location").orElseThrow().value());

    TestRouteResult index = get(demo(""), "/demo/");
    assertEquals(200, index.response().status().intValue());
    assertTrue(index.entityString().contains("Recommended for you"), index.entityString());
  }

  @Test
  void itsPagesImportTheBrowserSdkServedBesideThem() {
    assertTrue(get(demo(""), "/demo/storefront.js").entityString().contains("from './sdk/index.js'"));
    TestRouteResult sdk = get(demo(""), "/demo/sdk/index.js");
    assertEquals(200, sdk.response().status().intValue());
    assertTrue(sdk.response().entity().getContentType().toString().contains("javascript"),
        sdk.response().entity().getContentType().toString());
    assertTrue(sdk.entityString().contains("export class Concierge"), "the SDK's own module");
  }

  @Test
  void theCatalogListsTheMostPopularItemsUpToTheLimitAsTheyAreNow() throws Exception {
    assertEquals(List.of("sku-2", "sku-3"), itemIds(get(demo(""), "/demo/catalog.json")));

    catalog.set(catalog.get().withChanges(List.of(new CatalogItem("sku-4", "hats", 15, true, "Hat", 99)), List.of()));

    JsonNode items = MAPPER.readTree(get(demo(""), "/demo/catalog.json").entityString()).get("items");
    assertEquals("sku-4", items.get(0).get("itemId").asText(), "a catalog change shows at once");
    assertEquals("Hat", items.get(0).get("title").asText());
    assertEquals("hats", items.get(0).get("category").asText());
    assertEquals(15.0, items.get(0).get("price").asDouble());
    assertTrue(items.get(0).get("inStock").asBoolean());
  }

  @Test
  void thePagesGetThePublishableKeyOrNullWhileTheNodeNeedsNone() throws Exception {
    assertEquals("pk_demo", MAPPER.readTree(get(demo("pk_demo"), "/demo/config.json").entityString()).get("key").asText());
    assertTrue(MAPPER.readTree(get(demo(""), "/demo/config.json").entityString()).get("key").isNull());
  }

  private static List<String> itemIds(TestRouteResult result) throws Exception {
    List<String> ids = new ArrayList<>();
    MAPPER.readTree(result.entityString()).get("items").forEach(item -> ids.add(item.get("itemId").asText()));
    return ids;
  }
}
