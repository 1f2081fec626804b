package dev.concierge.persistence.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ItemEmbeddings;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Neighbour;
import dev.concierge.models.scoring.FeatureSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model bundle as one file: a zip holding {@code bundle.json} (format version, bundle version,
 * kind, feature schema, metadata), {@code model.tribuo} (the Tribuo model in Tribuo's protobuf
 * format, never Java serialization), {@code tables.json} (the neighbour tables and popularity) and
 * {@code embeddings.json} (the items' taste vectors). Readable by anyone with unzip and a JSON viewer.
 *
 * <p>Format 2 added the collaborative tables (co-occurrence neighbours, similar items, embeddings).
 * A format-1 bundle is refused by name: its model was trained on features this code no longer
 * computes the same way, so it must be trained again.
 */
public final class BundleArchive {

  public static final String FILE_EXTENSION = ".bundle";

  private static final int FORMAT = 2;
  private static final String MANIFEST = "bundle.json";
  private static final String MODEL = "model.tribuo";
  private static final String TABLES = "tables.json";
  private static final String EMBEDDINGS = "embeddings.json";

  private final ObjectMapper mapper;

  public BundleArchive(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public byte[] write(ModelBundle bundle) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, MANIFEST, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(bundle)));
      entry(zip, MODEL, bundle.model());
      entry(zip, TABLES, mapper.writeValueAsBytes(tables(bundle.tables())));
      entry(zip, EMBEDDINGS, mapper.writeValueAsBytes(embeddings(bundle.tables().embeddings())));
    } catch (IOException e) {
      throw new UncheckedIOException("writing a bundle to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** @throws InvalidBundleException when the bytes are not a bundle this code can read */
  public ModelBundle read(byte[] archive) {
    Map<String, byte[]> entries = entries(archive);
    if (!entries.containsKey(MANIFEST)) {
      throw new InvalidBundleException("the bundle has no " + MANIFEST);
    }
    try {
      JsonNode manifest = mapper.readTree(entries.get(MANIFEST));
      requireFormat(manifest.path("format").asInt(-1));
      for (String required : List.of(MODEL, TABLES, EMBEDDINGS)) {
        if (!entries.containsKey(required)) {
          throw new InvalidBundleException("the bundle has no " + required);
        }
      }
      return new ModelBundle(
          text(manifest, "version"),
          text(manifest, "kind"),
          schema(manifest.path("schema")),
          entries.get(MODEL),
          tables(mapper.readTree(entries.get(TABLES)), embeddings(mapper.readTree(entries.get(EMBEDDINGS)))),
          BundleMetadataJson.read(manifest.path("metadata")));
    } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new InvalidBundleException("the bundle is damaged: " + e.getMessage());
    }
  }

  private static void requireFormat(int format) {
    if (format == FORMAT) {
      return;
    }
    if (format >= 1 && format < FORMAT) {
      throw new InvalidBundleException(
          "bundle format " + format + " predates the collaborative tables of format " + FORMAT
              + " (co-occurrence neighbours and item embeddings): train it again with bin/concierge train");
    }
    throw new InvalidBundleException("bundle format " + format + " is not one this build reads (it reads " + FORMAT + ")");
  }

  private ObjectNode manifest(ModelBundle bundle) {
    ObjectNode manifest = mapper.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("version", bundle.version());
    manifest.put("kind", bundle.kind());
    ObjectNode schema = manifest.putObject("schema");
    schema.put("version", bundle.schema().version());
    ArrayNode names = schema.putArray("features");
    bundle.schema().names().forEach(names::add);
    BundleMetadataJson.write(bundle.metadata(), manifest.putObject("metadata"));
    return manifest;
  }

  private ObjectNode tables(CandidateTables tables) {
    ObjectNode json = mapper.createObjectNode();
    json.set("coViewed", neighbours(tables.coViewed()));
    json.set("coPurchased", neighbours(tables.coPurchased()));
    json.set("coOccurring", neighbours(tables.coOccurring()));
    json.set("similar", neighbours(tables.similar()));
    ObjectNode popularity = json.putObject("popularity");
    new TreeMap<>(tables.popularity()).forEach(popularity::put);
    return json;
  }

  private ObjectNode neighbours(Map<String, List<Neighbour>> table) {
    ObjectNode json = mapper.createObjectNode();
    new TreeMap<>(table).forEach(
        (item, list) -> {
          ObjectNode neighbours = json.putObject(item);
          list.forEach(neighbour -> neighbours.put(neighbour.itemId(), neighbour.weight()));
        });
    return json;
  }

  /** The vectors by item, in the embeddings' own item order. */
  private ObjectNode embeddings(ItemEmbeddings embeddings) {
    ObjectNode json = mapper.createObjectNode();
    json.put("dimensions", embeddings.dimensions());
    ObjectNode vectors = json.putObject("vectors");
    for (int i = 0; i < embeddings.size(); i++) {
      ArrayNode vector = vectors.putArray(embeddings.items().get(i));
      for (int d = 0; d < embeddings.dimensions(); d++) {
        vector.add(embeddings.vectors()[i * embeddings.dimensions() + d]);
      }
    }
    return json;
  }

  private static ItemEmbeddings embeddings(JsonNode json) {
    int dimensions = json.path("dimensions").asInt(-1);
    List<String> items = new ArrayList<>();
    List<JsonNode> vectors = new ArrayList<>();
    json.path("vectors").fields().forEachRemaining(e -> {
      items.add(e.getKey());
      vectors.add(e.getValue());
    });
    float[] values = new float[items.size() * Math.max(0, dimensions)];
    for (int i = 0; i < vectors.size(); i++) {
      JsonNode vector = vectors.get(i);
      if (vector.size() != dimensions) {
        throw new InvalidBundleException(
            "embeddings.json: the vector of " + items.get(i) + " has " + vector.size() + " values, not " + dimensions);
      }
      for (int d = 0; d < dimensions; d++) {
        values[i * dimensions + d] = (float) vector.get(d).asDouble();
      }
    }
    return new ItemEmbeddings(dimensions, items, values);
  }

  private static CandidateTables tables(JsonNode json, ItemEmbeddings embeddings) {
    Map<String, Double> popularity = new HashMap<>();
    json.path("popularity").fields().forEachRemaining(e -> popularity.put(e.getKey(), e.getValue().asDouble()));
    return new CandidateTables(
        neighbours(json.path("coViewed")), neighbours(json.path("coPurchased")), popularity,
        neighbours(json.path("coOccurring")), neighbours(json.path("similar")), embeddings);
  }

  private static Map<String, List<Neighbour>> neighbours(JsonNode json) {
    Map<String, List<Neighbour>> table = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> items = json.fields();
    while (items.hasNext()) {
      Map.Entry<String, JsonNode> item = items.next();
      List<Neighbour> list = new ArrayList<>();
      item.getValue().fields().forEachRemaining(n -> list.add(new Neighbour(n.getKey(), (float) n.getValue().asDouble())));
      list.sort((a, b) -> {
        int byWeight = Float.compare(b.weight(), a.weight());
        return byWeight != 0 ? byWeight : a.itemId().compareTo(b.itemId());
      });
      table.put(item.getKey(), List.copyOf(list));
    }
    return table;
  }

  private static FeatureSchema schema(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.path("features").forEach(name -> names.add(name.asText()));
    return new FeatureSchema(text(json, "version"), names);
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidBundleException("bundle.json has no '" + field + "'");
    }
    return value.asText();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static Map<String, byte[]> entries(byte[] archive) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new InvalidBundleException("not a bundle archive: " + e.getMessage());
    }
    return entries;
  }
}
