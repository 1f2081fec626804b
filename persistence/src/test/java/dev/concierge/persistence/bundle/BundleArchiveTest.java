package dev.concierge.persistence.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.recommend.BundleMetadata;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ItemEmbeddings;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Neighbour;
import dev.concierge.models.scoring.FeatureSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Reading a bundle is reading input from outside: every archive that is not a bundle within {@link
 * BundleLimits}, however it was made, is refused as an {@link InvalidBundleException} that names the
 * problem, before the node allocates what the archive asks for.
 */
class BundleArchiveTest {

  private static final int KIB = 1024;
  private static final BundleLimits LIMITS = new BundleLimits(64 * KIB, 128 * KIB, 32, 100, 10);

  private final BundleArchive archives = new BundleArchive(new ObjectMapper(), LIMITS);

  @Test
  void aBundleWithinTheLimitsReadsBackAsWritten() {
    ModelBundle bundle = bundle();

    assertEquals(bundle.tables(), archives.read(archives.write(bundle)).tables());
  }

  @Test
  void theLimitsAreConfiguredInReferenceConf() {
    BundleLimits configured = BundleLimits.fromConfig(ConfigFactory.load().getConfig("concierge.bundles"));

    assertEquals(new BundleLimits(64L << 20, 128L << 20, 1024, 2_000_000, 1000), configured);
  }

  @Test
  void dimensionsWhoseProductWithTheItemsOverflowAnIntAreRefusedByName() {
    String embeddings = "{\"dimensions\":1073741824,\"vectors\":{\"a\":[],\"b\":[]}}";

    assertRefused(withEntry("embeddings.json", embeddings), "'dimensions' must be an integer from 0 to 32");
  }

  @Test
  void hugeDimensionsAreRefusedBeforeAnythingIsAllocatedForThem() {
    String embeddings = "{\"dimensions\":300000000,\"vectors\":{\"a\":[1.0]}}";

    assertRefused(withEntry("embeddings.json", embeddings), "concierge.bundles.max-dimensions");
  }

  @Test
  void aVectorOfAnotherLengthThanTheDimensionsIsRefusedNamingItsItem() {
    String embeddings = "{\"dimensions\":2,\"vectors\":{\"a\":[1.0,0.0],\"b\":[1.0]}}";

    assertRefused(withEntry("embeddings.json", embeddings), "the vector of b must be an array of 2 numbers");
  }

  @Test
  void aVectorValueThatIsNoFiniteNumberIsRefused() {
    String embeddings = "{\"dimensions\":1,\"vectors\":{\"a\":[1e300]}}";

    assertRefused(withEntry("embeddings.json", embeddings), "the vector of a holds 1.0E300, not a finite number");
  }

  @Test
  void moreVectorsThanTheItemLimitAreRefused() {
    StringBuilder vectors = new StringBuilder();
    for (int i = 0; i <= LIMITS.maxItems(); i++) {
      vectors.append(i == 0 ? "" : ",").append("\"i").append(i).append("\":[]");
    }
    String embeddings = "{\"dimensions\":0,\"vectors\":{" + vectors + "}}";

    assertRefused(withEntry("embeddings.json", embeddings), "concierge.bundles.max-items");
  }

  @Test
  void moreNeighboursOfOneItemThanTheLimitAreRefused() {
    StringBuilder neighbours = new StringBuilder();
    for (int i = 0; i <= LIMITS.maxNeighboursPerItem(); i++) {
      neighbours.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":0.5");
    }
    String tables = "{\"similar\":{\"a\":{" + neighbours + "}}}";

    assertRefused(withEntry("tables.json", tables), "concierge.bundles.max-neighbours-per-item");
  }

  @Test
  void aTableOfAnotherShapeIsRefusedNamingIt() {
    assertRefused(withEntry("tables.json", "{\"coViewed\":[1,2]}"), "tables.json: 'coViewed' must be a JSON object");
    assertRefused(withEntry("tables.json", "{\"popularity\":{\"a\":-3}}"), "the popularity of a is negative");
    assertRefused(withEntry("tables.json", "{\"popularity\":{\"a\":\"many\"}}"), "the popularity of a holds");
  }

  @Test
  void aDeflateBombIsRefusedOnceItsInflatedBytesPassTheEntryLimit() {
    // a few KB that inflate to 1 MiB: the declared size of a zip entry is the sender's word, so the
    // reader counts what it inflates
    byte[] bomb = zip(Map.of("embeddings.json", new byte[(int) (16 * LIMITS.maxEntryBytes())]));
    assertTrue(bomb.length < 8 * KIB, "the archive is small: " + bomb.length + " bytes");

    assertRefused(bomb, "embeddings.json holds more than " + LIMITS.maxEntryBytes()
        + " bytes uncompressed (concierge.bundles.max-entry-size)");
  }

  @Test
  void filesThatTogetherPassTheTotalLimitAreRefusedEvenWhenEachIsWithinItsOwn() {
    Map<String, byte[]> entries = new LinkedHashMap<>(entries(archives.write(bundle())));
    byte[] justWithin = new byte[(int) LIMITS.maxEntryBytes()];
    entries.put("padding-1", justWithin);
    entries.put("padding-2", justWithin);

    assertRefused(zip(entries), "concierge.bundles.max-total-size");
  }

  @Test
  void aFileTwiceIsRefused() {
    // ZipOutputStream refuses a name twice, so the second is written under another name of the same
    // length and renamed in the bytes (a name is in no checksum)
    byte[] twice = zip(Map.of(
        "tables.json", "{}".getBytes(StandardCharsets.UTF_8), "tables.jsoX", "{}".getBytes(StandardCharsets.UTF_8)));
    String renamed = new String(twice, StandardCharsets.ISO_8859_1).replace("tables.jsoX", "tables.json");
    twice = renamed.getBytes(StandardCharsets.ISO_8859_1);

    assertRefused(twice, "the bundle holds tables.json twice");
  }

  @Test
  void whateverElseFailsWhileReadingIsAnInvalidBundle() {
    assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "the bundle has no bundle.json");
    assertRefused(withEntry("embeddings.json", "{\"dimensions\":1,\"vectors\":{\"a\":[1.0"), "the bundle is damaged");
    String manifest = new String(entries(archives.write(bundle())).get("bundle.json"), StandardCharsets.UTF_8);
    assertRefused(withEntry("bundle.json", manifest.replace("2026-12-01T00:00:00Z", "yesterday")),
        "the bundle is damaged");
  }

  private void assertRefused(byte[] archive, String problem) {
    InvalidBundleException refused = assertThrows(InvalidBundleException.class, () -> archives.read(archive));
    assertTrue(refused.getMessage().contains(problem), "names the problem '" + problem + "': " + refused.getMessage());
  }

  private byte[] withEntry(String name, String content) {
    Map<String, byte[]> entries = new LinkedHashMap<>(entries(archives.write(bundle())));
    entries.put(name, content.getBytes(StandardCharsets.UTF_8));
    return zip(entries);
  }

  private static ModelBundle bundle() {
    ItemEmbeddings embeddings = new ItemEmbeddings(2, List.of("a", "b"), new float[] {1, 0, 0, 1});
    CandidateTables tables = new CandidateTables(
        Map.of("a", List.of(new Neighbour("b", 0.5f))), Map.of(), Map.of("a", 3.0, "b", 1.0),
        Map.of(), Map.of("b", List.of(new Neighbour("a", -0.25f))), embeddings);
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    return new ModelBundle("v1", "logistic", new FeatureSchema("s1", List.of("f1", "f2")),
        "model bytes".getBytes(StandardCharsets.UTF_8), tables,
        new BundleMetadata(now, now.minusSeconds(3600), now, 10, 5, Map.of("auc", 0.7), "test"));
  }

  private static Map<String, byte[]> entries(byte[] archive) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }
}
