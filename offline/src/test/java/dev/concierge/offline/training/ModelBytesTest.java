package dev.concierge.offline.training;

import static dev.concierge.offline.training.SyntheticClicks.SCHEMA;
import static dev.concierge.offline.training.TrainedModels.tribuoScores;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.concierge.models.scoring.ModelBytes;
import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierModel;
import org.tribuo.protos.core.ModelProto;

/**
 * Trained models survive {@code ModelBytes} unchanged, and nothing but the two model kinds loads.
 *
 * <p>Here, not in models, though it tests models' {@code ModelBytes}: its models are trained by {@link
 * ModelTrainer}, which is offline code, and models cannot depend on offline.
 */
class ModelBytesTest {

  private static final int ROWS = 1_000;
  private static final long ROWS_SEED = 5L;

  private static final List<Model<Label>> MODELS =
      List.of(TrainedModels.logisticRegression(), TrainedModels.gradientBoostedTrees());

  @Test
  void tribuosOwnProtobufRoundTripPredictsIdentically() throws InvalidProtocolBufferException {
    double[][] rows = SyntheticClicks.randomRows(ROWS, ROWS_SEED);
    for (Model<Label> model : MODELS) {
      byte[] bytes = model.serialize().toByteArray();
      Model<Label> restored = Model.deserialize(ModelProto.parseFrom(bytes)).castModel(Label.class);
      assertArrayEquals(tribuoScores(model, rows), tribuoScores(restored, rows), model.getClass().getSimpleName());
    }
  }

  @Test
  void aRestoredModelCompilesToTheSameScorer() {
    double[][] rows = SyntheticClicks.randomRows(ROWS, ROWS_SEED);
    for (Model<Label> model : MODELS) {
      Scorer original = ScorerCompiler.compile(model, SCHEMA);
      Scorer restored = ScorerCompiler.compile(ModelBytes.fromBytes(ModelBytes.toBytes(model)), SCHEMA);
      assertEquals(original.baselineLogit(), restored.baselineLogit());
      for (double[] row : rows) {
        assertEquals(original.score(row), restored.score(row));
      }
    }
  }

  @Test
  void aModelClassOutsideTheReadableOnesIsRefusedBeforeTribuoInstantiatesIt() {
    byte[] forged =
        TrainedModels.logisticRegression().serialize().toBuilder()
            .setClassName(DummyClassifierModel.class.getName())
            .build()
            .toByteArray();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBytes.fromBytes(forged));
    assertTrue(e.getMessage().contains("refusing to load model class " + DummyClassifierModel.class.getName()));
  }

  @Test
  void bytesThatAreNotAModelAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ModelBytes.fromBytes(new byte[] {1, 2, 3}));
  }
}
