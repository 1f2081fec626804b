package dev.concierge.models;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules, scoring and recommendation build on the domain here; nothing here builds on them in turn. */
class PackageCyclesTest {

  @Test
  void theModelsPackagesDependOnEachOtherWithoutCycles() {
    // the module's own classes, where CustomerEvent is: not its tests, not the libraries
    slices().matching("dev.concierge.(**)").should().beFreeOfCycles().check(
        new ClassFileImporter().importUrl(CustomerEvent.class.getProtectionDomain().getCodeSource().getLocation()));
  }
}
