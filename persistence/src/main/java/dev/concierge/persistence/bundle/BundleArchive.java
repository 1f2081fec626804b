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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>An archive is input from outside (an admin's upload): every size and count it states is held to the
 * {@link BundleLimits} before anything is allocated for it, and whatever fails while reading it is an
 * {@link InvalidBundleException} naming the problem, never another exception.
 */
public final class BundleArchive {

  public static final String FILE_EXTENSION = ".bundle";

  private static final int FORMAT = 2;
  private static final String MANIFEST = "bundle.json";
  private static final String MODEL = "model.tribuo";
  private static final String TABLES = "tables.json";
  private static final String EMBEDDINGS = "embeddings.json";

  private static final Set<String> ENTRIES = Set.of(MANIFEST, MODEL, TABLES, EMBEDDINGS);
  private static final int READ_CHUNK = 8192;
  // longest value or file name a message quotes
  private static final int DESCRIBED_LENGTH = 60;

  private final ObjectMapper mapper;
  private final BundleLimits limits;

  /** An archive reader with the limits of this process's configuration ({@link BundleLimits#configured()}). */
  public BundleArchive(ObjectMapper mapper) {
    this(mapper, BundleLimits.configured());
  }

  public BundleArchive(ObjectMapper mapper, BundleLimits limits) {
    this.mapper = mapper;
    this.limits = limits;
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

  /** @throws InvalidBundleException when the bytes are not a bundle this code can read, or one beyond the limits */
  public ModelBundle read(byte[] archive) {
    try {
      return parse(entries(archive));
    } catch (InvalidBundleException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // whatever else a damaged or hostile archive makes fail is still the archive's fault, not the node's
      throw new InvalidBundleException("the bundle is damaged: " + (e.getMessage() == null ? e : e.getMessage()));
    }
  }

  private ModelBundle parse(Map<String, byte[]> entries) throws IOException {
    if (!entries.containsKey(MANIFEST)) {
      throw new InvalidBundleException("the bundle has no " + MANIFEST);
    }
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

  // every vector's length is checked before the values are allocated: the allocation is then no larger
  // than the numbers the file really holds
  private ItemEmbeddings embeddings(JsonNode json) {
    JsonNode dimensionsField = json.path("dimensions");
    if (!dimensionsField.canConvertToInt() || !dimensionsField.isIntegralNumber()
        || dimensionsField.intValue() < 0 || dimensionsField.intValue() > limits.maxDimensions()) {
      throw new InvalidBundleException(EMBEDDINGS + ": 'dimensions' must be an integer from 0 to "
          + limits.maxDimensions() + " (concierge.bundles.max-dimensions), not " + dimensionsField);
    }
    int dimensions = dimensionsField.intValue();
    JsonNode vectorsField = objectOrEmpty(json.path("vectors"), EMBEDDINGS + ": 'vectors'");
    requireItems(vectorsField, EMBEDDINGS + ": 'vectors'");
    List<String> items = new ArrayList<>(vectorsField.size());
    List<JsonNode> vectors = new ArrayList<>(vectorsField.size());
    vectorsField.fields().forEachRemaining(e -> {
      if (!e.getValue().isArray() || e.getValue().size() != dimensions) {
        throw new InvalidBundleException(EMBEDDINGS + ": the vector of " + e.getKey() + " must be an array of "
            + dimensions + " numbers, not " + describe(e.getValue()));
      }
      items.add(e.getKey());
      vectors.add(e.getValue());
    });
    float[] values = new float[Math.multiplyExact(items.size(), dimensions)];
    for (int i = 0; i < vectors.size(); i++) {
      for (int d = 0; d < dimensions; d++) {
        values[i * dimensions + d] = finite(vectors.get(i).get(d), EMBEDDINGS + ": the vector of " + items.get(i));
      }
    }
    return new ItemEmbeddings(dimensions, items, values);
  }

  private CandidateTables tables(JsonNode json, ItemEmbeddings embeddings) {
    JsonNode popularityField = objectOrEmpty(json.path("popularity"), TABLES + ": 'popularity'");
    requireItems(popularityField, TABLES + ": 'popularity'");
    Map<String, Double> popularity = new HashMap<>();
    popularityField.fields().forEachRemaining(e -> {
      float count = finite(e.getValue(), TABLES + ": the popularity of " + e.getKey());
      if (count < 0) {
        throw new InvalidBundleException(TABLES + ": the popularity of " + e.getKey() + " is negative: " + count);
      }
      popularity.put(e.getKey(), e.getValue().asDouble());
    });
    return new CandidateTables(
        neighbours(json, "coViewed"), neighbours(json, "coPurchased"), popularity,
        neighbours(json, "coOccurring"), neighbours(json, "similar"), embeddings);
  }

  private Map<String, List<Neighbour>> neighbours(JsonNode tables, String name) {
    String where = TABLES + ": '" + name + "'";
    JsonNode json = objectOrEmpty(tables.path(name), where);
    requireItems(json, where);
    Map<String, List<Neighbour>> table = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> items = json.fields();
    while (items.hasNext()) {
      Map.Entry<String, JsonNode> item = items.next();
      String itemWhere = where + " of " + item.getKey();
      JsonNode neighbours = objectOrEmpty(item.getValue(), itemWhere);
      if (neighbours.size() > limits.maxNeighboursPerItem()) {
        throw new InvalidBundleException(itemWhere + " has " + neighbours.size() + " neighbours, more than "
            + limits.maxNeighboursPerItem() + " (concierge.bundles.max-neighbours-per-item)");
      }
      List<Neighbour> list = new ArrayList<>(neighbours.size());
      neighbours.fields().forEachRemaining(n -> list.add(new Neighbour(n.getKey(), finite(n.getValue(), itemWhere))));
      list.sort((a, b) -> {
        int byWeight = Float.compare(b.weight(), a.weight());
        return byWeight != 0 ? byWeight : a.itemId().compareTo(b.itemId());
      });
      table.put(item.getKey(), List.copyOf(list));
    }
    return table;
  }

  private void requireItems(JsonNode table, String where) {
    if (table.size() > limits.maxItems()) {
      throw new InvalidBundleException(where + " holds " + table.size() + " items, more than " + limits.maxItems()
          + " (concierge.bundles.max-items)");
    }
  }

  // an absent table is an empty one, as bundles without a table write none
  private static JsonNode objectOrEmpty(JsonNode json, String where) {
    if (json.isMissingNode() || json.isObject()) {
      return json;
    }
    throw new InvalidBundleException(where + " must be a JSON object, not " + describe(json));
  }

  // a weight that is no float (text, NaN, beyond Float.MAX_VALUE) would poison every score it touches
  private static float finite(JsonNode value, String where) {
    float number = (float) value.asDouble();
    if (!value.isNumber() || !Float.isFinite(number)) {
      throw new InvalidBundleException(where + " holds " + describe(value) + ", not a finite number");
    }
    return number;
  }

  // the value as the message shows it: its type, or its text when short
  private static String describe(JsonNode value) {
    String text = value.toString();
    return text.length() <= DESCRIBED_LENGTH ? text : value.getNodeType().toString().toLowerCase(Locale.ROOT);
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

  /**
   * The bundle's own files, inflated. The bytes are counted as they inflate, never taken from the sizes
   * the zip declares (a hostile zip declares what it likes); files of other names are read past, their
   * bytes counted too.
   */
  private Map<String, byte[]> entries(byte[] archive) {
    Map<String, byte[]> entries = new HashMap<>();
    long[] total = {0};
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        boolean kept = ENTRIES.contains(name);
        if (kept && entries.containsKey(name)) {
          throw new InvalidBundleException("the bundle holds " + name + " twice");
        }
        byte[] content = inflated(zip, name, total, kept);
        if (kept) {
          entries.put(name, content);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidBundleException("not a bundle archive: " + e.getMessage());
    }
    return entries;
  }

  private byte[] inflated(ZipInputStream zip, String name, long[] total, boolean kept) throws IOException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    byte[] chunk = new byte[READ_CHUNK];
    long size = 0;
    for (int read = zip.read(chunk); read >= 0; read = zip.read(chunk)) {
      size += read;
      total[0] += read;
      if (size > limits.maxEntryBytes()) {
        throw new InvalidBundleException("the bundle's " + describeName(name) + " holds more than "
            + limits.maxEntryBytes() + " bytes uncompressed (concierge.bundles.max-entry-size)");
      }
      if (total[0] > limits.maxTotalBytes()) {
        throw new InvalidBundleException("the bundle holds more than " + limits.maxTotalBytes()
            + " bytes uncompressed (concierge.bundles.max-total-size)");
      }
      if (kept) {
        content.write(chunk, 0, read);
      }
    }
    return content.toByteArray();
  }

  // a name from the archive goes into a message: only its printable ASCII, and not all of a long one
  private static String describeName(String name) {
    String printable = name.replaceAll("[^ -~]", "?");
    return printable.length() <= DESCRIBED_LENGTH ? printable : printable.substring(0, DESCRIBED_LENGTH) + "...";
  }
}
