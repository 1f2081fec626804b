package dev.concierge.engine.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import java.time.Clock;
import java.util.List;

/** One small bundle, trained once per test JVM, and published under as many versions as a test needs. */
final class TestBundles {

  static final List<CatalogItem> ITEMS = DemoCatalog.generate(100, 11);
  static final Catalog CATALOG = Catalog.of(ITEMS);
  static final BundleArchive ARCHIVES = new BundleArchive(new ObjectMapper());

  private static final ModelBundle TRAINED = train();

  private TestBundles() {}

  /** The trained bundle's archive under {@code version}. */
  static byte[] archive(String version) {
    return ARCHIVES.write(
        new ModelBundle(version, TRAINED.kind(), TRAINED.schema(), TRAINED.model(), TRAINED.tables(), TRAINED.metadata()));
  }

  private static ModelBundle train() {
    Config concierge = ConfigFactory.load().getConfig("concierge");
    CustomerSettings customers = CustomerSettings.fromConfig(concierge);
    List<CustomerEvent> history = ShopperSimulation.of(SimulationSettings.of(40, 3_000, 5), ITEMS).stream().toList();
    return new BundleTrainer(
            new Recommender(customers.recommender(), customers.features()), TrainingSettings.fromConfig(concierge),
            Clock.systemUTC())
        .train(history, CATALOG, history.get(history.size() - 1).timestamp(), ModelTrainer.LOGISTIC_REGRESSION, "trained");
  }
}
