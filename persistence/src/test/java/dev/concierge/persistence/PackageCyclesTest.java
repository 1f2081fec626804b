package dev.concierge.persistence;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.concierge.persistence.serialization.KryoSerializer;
import org.junit.jupiter.api.Test;

/** The formats, the JSON readers and the bundle archive build on the models; none on another in a loop. */
class PackageCyclesTest {

  @Test
  void thePersistencePackagesDependOnEachOtherWithoutCycles() {
    // the module's own classes, where KryoSerializer is: not its tests, not the libraries
    slices().matching("dev.concierge.(**)").should().beFreeOfCycles().check(
        new ClassFileImporter().importUrl(KryoSerializer.class.getProtectionDomain().getCodeSource().getLocation()));
  }
}
