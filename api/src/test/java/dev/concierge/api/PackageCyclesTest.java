package dev.concierge.api;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The routes use the request readers ({@code api.dto}) and the error both throw; never the other way round. */
class PackageCyclesTest {

  @Test
  void theApiPackagesDependOnEachOtherWithoutCycles() {
    // the module's own classes, where ApiRoutes is: not its tests, not the libraries
    slices().matching("dev.concierge.(**)").should().beFreeOfCycles().check(
        new ClassFileImporter().importUrl(ApiRoutes.class.getProtectionDomain().getCodeSource().getLocation()));
  }
}
