package dev.concierge.tools.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.tools.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/concierge catalog load FILE}: a catalog file to PUT /admin/catalog/items, in chunks of JSON lines. */
class CatalogCommandTest {

  private static final String TOKEN = "s3cret";
  private static final String TWO_CREATED = "{\"accepted\":2,\"created\":2,\"updated\":0,\"deleted\":0}";
  private static final String ONE_DELETED = "{\"accepted\":1,\"created\":0,\"updated\":0,\"deleted\":1}";

  @TempDir Path dir;
  private FakeAdminApi api;

  @BeforeEach
  void startApi() throws IOException {
    api = FakeAdminApi.start();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void jsonLinesGoInChunksOfTheGivenSizeAndTheCountsAreSummed() throws IOException {
    api.answer("PUT", CatalogCommand.PATH, 200, TWO_CREATED).answer("PUT", CatalogCommand.PATH, 200, ONE_DELETED);
    Path file = write("""
        {"itemId":"sku-1","category":"tents"}

        {"itemId":"sku-2","category":"tents"}
        {"itemId":"sku-3","deleted":true}
        """);

    ToolRun load = load(file.toString(), "--chunk-size", "2");

    assertEquals(0, load.exitCode(), load.err());
    List<FakeAdminApi.Request> puts = api.requests("PUT", CatalogCommand.PATH);
    assertEquals(List.of("{\"itemId\":\"sku-1\",\"category\":\"tents\"}\n{\"itemId\":\"sku-2\",\"category\":\"tents\"}\n",
        "{\"itemId\":\"sku-3\",\"deleted\":true}\n"), puts.stream().map(FakeAdminApi.Request::text).toList());
    assertEquals("application/x-ndjson", puts.get(0).contentType());
    assertEquals("Bearer " + TOKEN, puts.get(0).authorization());
    assertTrue(load.out().contains("loaded 3 items") && load.out().contains("2 created, 0 updated, 1 deleted"), load.out());
  }

  @Test
  void aJsonArrayFileGoesAsJsonLinesToo() throws IOException {
    api.answer("PUT", CatalogCommand.PATH, 200, TWO_CREATED);
    Path file = write("""
        [ {"itemId":"sku-1", "category":"tents"},
          {"itemId":"sku-2", "category":"tents", "price": 9.5} ]
        """);

    ToolRun load = load(file.toString());

    assertEquals(0, load.exitCode(), load.err());
    assertEquals("{\"itemId\":\"sku-1\",\"category\":\"tents\"}\n{\"itemId\":\"sku-2\",\"category\":\"tents\",\"price\":9.5}\n",
        api.requests("PUT", CatalogCommand.PATH).get(0).text());
  }

  @Test
  void aRefusedItemStopsTheLoadNamingItsLineInTheFile() throws IOException {
    api.answer("PUT", CatalogCommand.PATH, 200, TWO_CREATED)
        .answer("PUT", CatalogCommand.PATH, 400,
            "{\"error\":\"invalid_request\",\"message\":\"line 2: field 'price' must be a finite number >= 0\"}");
    Path file = write("""
        {"itemId":"sku-1","category":"tents"}
        {"itemId":"sku-2","category":"tents"}

        {"itemId":"sku-3","category":"tents"}
        {"itemId":"sku-4","category":"tents","price":-1}
        {"itemId":"sku-5","category":"tents"}
        {"itemId":"sku-6","category":"tents"}
        """);

    ToolRun load = load(file.toString(), "--chunk-size", "2");

    assertEquals(1, load.exitCode());
    assertTrue(load.err().contains("line 5: field 'price' must be a finite number >= 0"), load.err());
    assertTrue(load.err().contains("the 2 items before its chunk are loaded"), load.err());
    assertEquals(2, api.requests("PUT", CatalogCommand.PATH).size(), "nothing is sent after the refusal");
  }

  @Test
  void itExplainsItselfAndIsListedAmongTheTools() {
    ToolRun help = ToolRun.concierge(Map.of(), "catalog", "load", "--help");
    ToolRun tools = ToolRun.concierge(Map.of(), "--help");

    assertEquals(0, help.exitCode());
    assertTrue(help.out().startsWith("Usage: concierge catalog load") && help.out().contains("--chunk-size=N")
        && help.out().contains("--url=URL") && help.out().contains("--token=T"), help.out());
    assertTrue(tools.out().contains("catalog"), tools.out());
    assertTrue(api.requests().isEmpty());
  }

  private ToolRun load(String... args) {
    String[] command = new String[args.length + 6];
    System.arraycopy(new String[] {"catalog", "load", "--url", api.url().toString(), "--token", TOKEN}, 0, command, 0, 6);
    System.arraycopy(args, 0, command, 6, args.length);
    return ToolRun.concierge(Map.of("CONCIERGE_ADMIN_TOKEN_FILE", dir.resolve("none").toString()), command);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("catalog.jsonl"), text);
  }
}
