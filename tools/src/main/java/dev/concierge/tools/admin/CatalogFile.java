package dev.concierge.tools.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A catalog file cut into chunks for {@code PUT /admin/catalog/items}: JSON lines, or one JSON array of
 * items. Each chunk goes as JSON lines, every item as the file holds it, with where the file holds it
 * ({@code line n}, {@code item [i]}): the node reads the items; this only finds where each ends.
 */
final class CatalogFile {

  /** One chunk: its JSON lines, and per line the item's place in the file. */
  record Chunk(byte[] jsonLines, List<String> positions) {}

  private CatalogFile() {}

  /** Reads {@code file} and hands {@code chunks} its items, {@code size} at a time, in order. */
  static void chunks(Path file, ObjectMapper mapper, int size, Consumer<Chunk> chunks) throws IOException {
    try (PushbackReader in = new PushbackReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      Batcher batcher = new Batcher(size, chunks);
      if (firstNonBlank(in) == '[') {
        array(mapper, in, batcher);
      } else {
        lines(new BufferedReader(in), batcher);
      }
      batcher.flush();
    }
  }

  private static int firstNonBlank(PushbackReader in) throws IOException {
    int c;
    do {
      c = in.read();
    } while (c >= 0 && Character.isWhitespace(c));
    if (c >= 0) {
      in.unread(c);
    }
    return c;
  }

  private static void lines(BufferedReader in, Batcher batcher) throws IOException {
    int number = 0;
    for (String line; (line = in.readLine()) != null; ) {
      number++;
      if (!line.isBlank()) {
        batcher.add(line, "line " + number);
      }
    }
  }

  // each element as the JSON text it is, re-written on one line; a file that is not JSON is the node's to refuse
  private static void array(ObjectMapper mapper, Reader in, Batcher batcher) throws IOException {
    try (JsonParser json = mapper.getFactory().createParser(in)) {
      json.nextToken();
      int index = 0;
      while (json.nextToken() != JsonToken.END_ARRAY) {
        if (json.currentToken() == null) {
          throw new IOException("the JSON array ends before its closing ]");
        }
        batcher.add(mapper.writeValueAsString(mapper.readTree(json)), "item [" + index++ + "]");
      }
    }
  }

  private static final class Batcher {
    private final int size;
    private final Consumer<Chunk> chunks;
    private final StringBuilder lines = new StringBuilder();
    private final List<String> positions = new ArrayList<>();

    Batcher(int size, Consumer<Chunk> chunks) {
      this.size = size;
      this.chunks = chunks;
    }

    void add(String item, String position) {
      lines.append(item).append('\n');
      positions.add(position);
      if (positions.size() == size) {
        flush();
      }
    }

    void flush() {
      if (!positions.isEmpty()) {
        chunks.accept(new Chunk(lines.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(positions)));
        lines.setLength(0);
        positions.clear();
      }
    }
  }
}
