package dev.concierge.tools;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The entry point names every command; the commands build on the helpers here, never on the entry point
 * nor on each other in a loop.
 */
class PackageCyclesTest {

  @Test
  void theToolsPackagesDependOnEachOtherWithoutCycles() {
    // the module's own classes, where Concierge is: not its tests, not the libraries
    slices().matching("dev.concierge.(**)").should().beFreeOfCycles().check(
        new ClassFileImporter().importUrl(Concierge.class.getProtectionDomain().getCodeSource().getLocation()));
  }
}
