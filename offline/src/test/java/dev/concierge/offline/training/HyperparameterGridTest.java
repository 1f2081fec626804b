package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterGridTest {

  @Test
  void triesEveryCombinationOfTheListedValuesInTheirOrder() {
    HyperparameterGrid grid = HyperparameterGrid.fromConfig(ConfigFactory.parseString("""
        logistic-regression { epochs = [10, 5], learning-rate = [1.0] }
        gradient-boosted-trees { rounds = [60], max-depth = [5, 3], learning-rate = [0.3, 0.1], min-child-weight = [1] }
        """));

    assertEquals(List.of(new Hyperparameters.Linear(10, 1.0), new Hyperparameters.Linear(5, 1.0)),
        grid.of(ModelTrainer.LOGISTIC_REGRESSION));
    assertEquals(List.of(
            new Hyperparameters.Trees(60, 5, 0.3, 1), new Hyperparameters.Trees(60, 5, 0.1, 1),
            new Hyperparameters.Trees(60, 3, 0.3, 1), new Hyperparameters.Trees(60, 3, 0.1, 1)),
        grid.of(ModelTrainer.GRADIENT_BOOSTED_TREES));
  }

  @Test
  void theShippedConfigurationSearchesBothKinds() {
    HyperparameterGrid grid =
        HyperparameterGrid.fromConfig(ConfigFactory.load().getConfig("concierge.training.search"));

    for (ModelTrainer trainer : ModelTrainer.values()) {
      assertTrue(grid.of(trainer).size() > 1, trainer + ": " + grid.of(trainer));
      assertTrue(grid.of(trainer).contains(trainer.defaults()), trainer + " tries its defaults");
    }
  }

  @Test
  void everyKindNeedsACandidate() {
    assertThrows(IllegalArgumentException.class,
        () -> new HyperparameterGrid(Map.of(ModelTrainer.LOGISTIC_REGRESSION, List.of(new Hyperparameters.Linear(1, 1)))));
  }
}
