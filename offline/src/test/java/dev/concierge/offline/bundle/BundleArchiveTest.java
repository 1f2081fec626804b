package dev.concierge.offline.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.FeatureSchemaMismatchException;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.RecommenderFixtures;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.persistence.bundle.InvalidBundleException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class BundleArchiveTest {

  private static final List<CatalogItem> ITEMS = DemoCatalog.generate(200, 42);
  private static final Catalog CATALOG = Catalog.of(ITEMS);

  private final BundleArchive archive = new BundleArchive(new ObjectMapper());
  private final ModelBundle bundle = trained();

  @Test
  void aBundleReadsBackAsWrittenAndScoresTheSame() {
    ModelBundle read = archive.read(archive.write(bundle));

    assertEquals(bundle.version(), read.version());
    assertEquals(bundle.kind(), read.kind());
    assertEquals(bundle.schema(), read.schema());
    assertArrayEquals(bundle.model(), read.model());
    assertEquals(bundle.tables(), read.tables());
    assertEquals(bundle.metadata(), read.metadata());
    ServingModel before = ServingModel.load(bundle, CATALOG, new Vocabulary(1000, 100), 50);
    ServingModel after = ServingModel.load(read, CATALOG, new Vocabulary(1000, 100), 50);
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      double[] row = new double[bundle.schema().size()];
      for (int f = 0; f < row.length; f++) {
        row[f] = random.nextBoolean() ? 0 : random.nextDouble();
      }
      assertEquals(before.scorer().score(row), after.scorer().score(row), 0);
    }
  }

  @Test
  void aBundleTrainedOnOtherFeatureCodeIsRefusedByName() {
    FeatureSchema other = new FeatureSchema("recommender-v0", bundle.schema().names());
    ModelBundle stale =
        new ModelBundle(bundle.version(), bundle.kind(), other, bundle.model(), bundle.tables(), bundle.metadata());

    FeatureSchemaMismatchException refused =
        assertThrows(FeatureSchemaMismatchException.class,
            () -> ServingModel.load(archive.read(archive.write(stale)), CATALOG, new Vocabulary(1000, 100), 50));

    assertTrue(refused.getMessage().contains("recommender-v0"), refused.getMessage());
  }

  @Test
  void aBundleOfTheFormerFormatIsRefusedWithWhatToDo() throws IOException {
    // what format 1 wrote: no embeddings, no collaborative tables
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("bundle.json"));
      zip.write("{\"format\":1,\"version\":\"lr-old\",\"kind\":\"logistic-regression\"}".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("model.tribuo"));
      zip.write(bundle.model());
      zip.putNextEntry(new ZipEntry("tables.json"));
      zip.write("{\"coViewed\":{},\"coPurchased\":{},\"popularity\":{}}".getBytes(StandardCharsets.UTF_8));
    }

    InvalidBundleException refused = assertThrows(InvalidBundleException.class, () -> archive.read(bytes.toByteArray()));

    assertTrue(refused.getMessage().contains("bundle format 1"), refused.getMessage());
    assertTrue(refused.getMessage().contains("bin/concierge train"), refused.getMessage());
  }

  @Test
  void theCollaborativeTablesTravelInTheBundle() {
    ModelBundle read = archive.read(archive.write(bundle));

    assertFalse(read.tables().coOccurring().isEmpty());
    assertFalse(read.tables().similar().isEmpty());
    assertTrue(read.tables().embeddings().size() > 0);
    assertEquals(bundle.tables().embeddings(), read.tables().embeddings());
  }

  @Test
  void bytesThatAreNotABundleAreRefusedWithTheReason() {
    InvalidBundleException notZip =
        assertThrows(InvalidBundleException.class, () -> archive.read("hello".getBytes(StandardCharsets.UTF_8)));
    assertTrue(notZip.getMessage().contains("bundle.json"), notZip.getMessage());
  }

  private static ModelBundle trained() {
    List<CustomerEvent> history = ShopperSimulation.of(SimulationSettings.of(60, 6_000, 5), ITEMS).stream().toList();
    Instant until = history.get(history.size() - 1).timestamp();
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    return new BundleTrainer(RecommenderFixtures.RECOMMENDER, RecommenderFixtures.TRAINING, clock)
        .train(history, CATALOG, until, ModelTrainer.LOGISTIC_REGRESSION, "lr-test-1");
  }
}
