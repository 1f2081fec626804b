package dev.concierge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.concierge.api.ApiRoutes;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.models.Catalog;
import dev.concierge.persistence.bundle.BundleArchive;
import java.net.URL;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The node serves models, it does not train them. The enforcer rule keeps the offline artifacts off the
 * node's classpath; this keeps training code from creeping back into the artifacts that are on it: no class
 * of models, persistence, engine, api or cluster-config trains, builds a training set or lives in a training
 * package. Tribuo names every trainer {@code ...Trainer} and every data set {@code ...Dataset}; serving reads
 * trained models only.
 */
class NodeTrainsNothingTest {

  private static final JavaClasses NODE_CLASSES =
      new ClassFileImporter().importUrls(
          Stream.of(Catalog.class, BundleArchive.class, CustomerEntity.class, ApiRoutes.class, Node.class)
              .map(NodeTrainsNothingTest::classesOf)
              .toList());

  @Test
  void noClassOfTheNodeUsesATribuoTrainerOrDataset() {
    noClasses()
        .should().dependOnClassesThat().haveNameMatching("org\\.tribuo\\..*(Trainer|Dataset)")
        .because("training is offline code (dev.concierge.offline.training), and the node runs none of it")
        .check(NODE_CLASSES);
  }

  @Test
  void noClassOfTheNodeLivesInATrainingPackageOrUsesOfflineCode() {
    noClasses()
        .should().resideInAPackage("..training..")
        .orShould().dependOnClassesThat().resideInAPackage("dev.concierge.offline..")
        .check(NODE_CLASSES);
  }

  /** The classes directory or jar a module's classes are read from. */
  private static URL classesOf(Class<?> moduleClass) {
    return moduleClass.getProtectionDomain().getCodeSource().getLocation();
  }
}
