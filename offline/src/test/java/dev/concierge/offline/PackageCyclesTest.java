package dev.concierge.offline;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.concierge.offline.replay.ReplaySourceException;
import org.junit.jupiter.api.Test;

/** Backtest, training, simulation and reports build on the replayed history; none on another in a loop. */
class PackageCyclesTest {

  @Test
  void theOfflinePackagesDependOnEachOtherWithoutCycles() {
    // the module's own classes, where ReplaySourceException is: not its tests, not the libraries
    slices().matching("dev.concierge.(**)").should().beFreeOfCycles().check(
        new ClassFileImporter().importUrl(ReplaySourceException.class.getProtectionDomain().getCodeSource().getLocation()));
  }
}
