package dev.concierge.offline.training;

import static dev.concierge.offline.training.SyntheticClicks.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.ModelCompilationException;
import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * What {@code ScorerCompiler} compiles and what it refuses.
 *
 * <p>Here, not in models, though it tests models' {@code ScorerCompiler}: its models are trained by {@link
 * ModelTrainer}, which is offline code, and models cannot depend on offline.
 */
class ScorerCompilerTest {

  private static final int EPOCHS = 1;
  private static final double LEARNING_RATE = 1.0;
  private static final int ROWS = 50;
  private static final long ROWS_SEED = 3L;
  /** Same weights summed in another order. */
  private static final double ROUNDING = 1e-12;

  @Test
  void aModelTypeItCannotCompileIsRefusedByName() {
    Model<Label> dummy =
        DummyClassifierTrainer.createMostFrequentTrainer().train(SyntheticClicks.trainingSet().dataset());
    ModelCompilationException e =
        assertThrows(ModelCompilationException.class, () -> ScorerCompiler.compile(dummy, SCHEMA));
    assertTrue(e.getMessage().contains("DummyClassifierModel"), e.getMessage());
  }

  @Test
  void aLinearModelWithoutProbabilitiesIsRefused() {
    Model<Label> hinge =
        new LinearSGDTrainer(new Hinge(), new AdaGrad(LEARNING_RATE), EPOCHS, Trainer.DEFAULT_SEED)
            .train(SyntheticClicks.trainingSet().dataset());
    ModelCompilationException e =
        assertThrows(ModelCompilationException.class, () -> ScorerCompiler.compile(hinge, SCHEMA));
    assertTrue(e.getMessage().contains("no probabilities"), e.getMessage());
  }

  @Test
  void aModelTrainedOnOtherLabelsIsRefused() {
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance("three labels", labels), labels);
    String[] outcomes = {"view", "click", "purchase"};
    double[][] rows = SyntheticClicks.randomRows(ROWS, ROWS_SEED);
    for (int i = 0; i < rows.length; i++) {
      Label label = new Label(outcomes[i % outcomes.length]);
      dataset.add(new ArrayExample<>(label, SCHEMA.names().toArray(String[]::new), rows[i]));
    }
    Model<Label> threeWay =
        new LinearSGDTrainer(new Hinge(), new AdaGrad(LEARNING_RATE), EPOCHS, Trainer.DEFAULT_SEED).train(dataset);
    ModelCompilationException e =
        assertThrows(ModelCompilationException.class, () -> ScorerCompiler.compile(threeWay, SCHEMA));
    assertTrue(e.getMessage().contains("click"), e.getMessage());
  }

  @Test
  void aModelReadingAFeatureTheSchemaLacksIsRefusedNamingIt() {
    List<String> names = new ArrayList<>(SCHEMA.names());
    names.remove("item_views");
    FeatureSchema narrower = new FeatureSchema(SCHEMA.version(), names);
    for (Model<Label> model : List.of(TrainedModels.logisticRegression(), TrainedModels.gradientBoostedTrees())) {
      ModelCompilationException e =
          assertThrows(ModelCompilationException.class, () -> ScorerCompiler.compile(model, narrower));
      assertTrue(e.getMessage().contains("[item_views]"), e.getMessage());
    }
  }

  /** Tribuo numbers features alphabetically; the compiled scorers read whatever order the schema has. */
  @Test
  void aSchemaInAnotherOrderReadsItsOwnColumns() {
    List<String> reversedNames = new ArrayList<>(SCHEMA.names());
    Collections.reverse(reversedNames);
    FeatureSchema reversed = new FeatureSchema(SCHEMA.version(), reversedNames);
    double[][] rows = SyntheticClicks.randomRows(ROWS, ROWS_SEED);
    for (Model<Label> model : List.of(TrainedModels.logisticRegression(), TrainedModels.gradientBoostedTrees())) {
      Scorer inSchemaOrder = ScorerCompiler.compile(model, SCHEMA);
      Scorer inReverseOrder = ScorerCompiler.compile(model, reversed);
      for (double[] row : rows) {
        assertEquals(inSchemaOrder.score(row), inReverseOrder.score(reverse(row)), ROUNDING);
      }
    }
  }

  private static double[] reverse(double[] row) {
    double[] reversed = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      reversed[row.length - 1 - i] = row[i];
    }
    return reversed;
  }
}
