package dev.concierge.engine;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The entity builds on its models, sharding, tracing and triggers; the ingestion and decision paths build on
 * the entity; never the other way round.
 */
class PackageCyclesTest {

  @Test
  void theEnginePackagesDependOnEachOtherWithoutCycles() {
    // the module's own classes, where CustomerEntity is: not its tests, not the libraries
    slices().matching("dev.concierge.(**)").should().beFreeOfCycles().check(
        new ClassFileImporter().importUrl(CustomerEntity.class.getProtectionDomain().getCodeSource().getLocation()));
  }
}
