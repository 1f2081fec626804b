package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.tools.cli.ToolConsole;
import dev.concierge.tools.cli.ToolProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bin/concierge catalog}: the catalog, through a node's admin API ({@code PUT /admin/catalog/items}). */
@Command(
    name = "catalog",
    description = {
      "The catalog, through a node's admin API: items created, updated (price, stock, any field) or deleted.",
      "With no --url, the command asks the node that bin/concierge dev or cluster start started."
    },
    subcommands = {CatalogCommand.Load.class})
public final class CatalogCommand implements AdminSessions {

  static final String PATH = "/admin/catalog/items";

  @ParentCommand private ToolConsole console;

  @Mixin private AdminConnection connection;

  @Override
  public AdminSession session() {
    return connection.session(console);
  }

  @Command(
      name = "load",
      description = {
        "Sends FILE's items to the node in chunks, each written whole or not at all; prints what they did.",
        "FILE holds JSON lines or one JSON array of catalog items (docs/api.md, \"Catalog items\"): an item of a new"
            + " id needs its category; one of a known id may give only the fields to change, such as"
            + " {\"itemId\":\"sku-7\",\"inStock\":false}; {\"itemId\":\"sku-7\",\"deleted\":true} deletes the item.",
        "A refused item stops the load with the node's reason and its line (or array index) in FILE: the chunks"
            + " before it are written, the rest are not."
      })
  static final class Load extends AdminAction {
    private static final String JSON_LINES = "application/x-ndjson";
    // the node names a refused item by its line in the chunk: "line 3: field 'price' ..."
    private static final Pattern CHUNK_LINE = Pattern.compile("^line (\\d+): ");

    @Parameters(paramLabel = "FILE", description = "a catalog file: JSON lines, or a JSON array")
    private Path file;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "1000",
        description = "items per request (default ${DEFAULT-VALUE}); each is one Kafka transaction")
    private int chunkSize;

    private long created;
    private long updated;
    private long deleted;
    private long sent;

    @Override
    void run(AdminSession session) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw usageError(file + " is not a file; give a catalog file of JSON lines or a JSON array");
      }
      if (chunkSize < 1) {
        throw usageError("--chunk-size must be at least 1, was " + chunkSize);
      }
      AdminClient client = session.client();
      try (ToolProgress progress = ToolProgress.unbounded("catalog", "items", session.err())) {
        CatalogFile.chunks(file, session.mapper(), chunkSize, chunk -> {
          send(client, chunk);
          progress.stepTo(sent);
        });
      }
      session.out().println("loaded " + sent + " items from " + file + ": " + created + " created, " + updated
          + " updated, " + deleted + " deleted");
    }

    private void send(AdminClient client, CatalogFile.Chunk chunk) {
      JsonNode answer;
      try {
        answer = client.putBytes(PATH, chunk.jsonLines(), JSON_LINES).body();
      } catch (AdminApiException refused) {
        throw new AdminApiException(inFile(refused.getMessage(), chunk) + (sent > 0
            ? "; the " + sent + " items before its chunk are loaded" : "; nothing is loaded"), refused.status());
      }
      sent += answer.path("accepted").asLong();
      created += answer.path("created").asLong();
      updated += answer.path("updated").asLong();
      deleted += answer.path("deleted").asLong();
    }

    private static String inFile(String message, CatalogFile.Chunk chunk) {
      Matcher line = CHUNK_LINE.matcher(message);
      if (!line.find()) {
        return message;
      }
      int index = Integer.parseInt(line.group(1)) - 1;
      return index < chunk.positions().size() ? chunk.positions().get(index) + ": " + message.substring(line.end()) : message;
    }
  }
}
