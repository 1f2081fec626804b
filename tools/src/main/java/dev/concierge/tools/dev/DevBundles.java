package dev.concierge.tools.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.simulation.ShopperBehaviour;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Trained bundles for {@code bin/concierge dev}: a logistic regression and boosted trees, trained
 * on simulated shoppers of the demo catalog, written once as {@code .bundle} files that dev then
 * publishes through the admin API.
 */
final class DevBundles {

  private DevBundles() {}

  static void ensure(Path directory, Config concierge, List<CatalogItem> catalog, PrintStream out) throws IOException {
    Files.createDirectories(directory);
    try (Stream<Path> existing = Files.list(directory)) {
      if (existing.anyMatch(file -> file.toString().endsWith(BundleArchive.FILE_EXTENSION))) {
        out.println("bundles already in " + directory + "; leaving them as they are");
        return;
      }
    }
    Config dev = concierge.getConfig("dev.bundles");
    SimulationSettings simulation =
        SimulationSettings.of(dev.getInt("customers"), dev.getLong("events"), dev.getLong("seed"));
    out.println("training dev bundles on " + simulation.events() + " simulated events ...");
    List<CustomerEvent> history =
        ShopperSimulation.of(simulation, ShopperBehaviour.fromConfig(concierge), catalog).stream().toList();
    CustomerSettings settings = CustomerSettings.fromConfig(concierge);
    BundleTrainer trainer =
        new BundleTrainer(
            new Recommender(settings.recommender(), settings.features()), TrainingSettings.fromConfig(concierge),
            Clock.systemUTC());
    Instant until = history.get(history.size() - 1).timestamp().plusMillis(1);
    BundleArchive archives = new BundleArchive(new ObjectMapper());
    for (ModelTrainer kind : ModelTrainer.values()) {
      String version = dev.getString("version-prefix") + BundleTrainer.kindOf(kind);
      ModelBundle bundle = trainer.train(history, Catalog.of(catalog), until, kind, version);
      Path file = directory.resolve(version + BundleArchive.FILE_EXTENSION);
      Files.write(file, archives.write(bundle));
      out.printf(
          Locale.ROOT, "wrote %s (%d training rows, held-out AUC %.3f)%n",
          file, bundle.metadata().trainingRows(), bundle.metadata().metrics().get("auc"));
    }
  }
}
