package dev.concierge.models.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * Checks a freshly compiled scorer against Tribuo's own prediction before anyone uses it, so that a model
 * whose semantics the compiler does not know (a new Tribuo or XGBoost version, say) is refused instead of
 * scored differently. Probe rows sample each feature within the range the model saw in training, with
 * some features absent, so that they reach real splits and default branches.
 */
final class TribuoAgreement {

  /** The promise of the compiled scorers: P(positive) within this of Tribuo's. */
  static final double TOLERANCE = 1e-6;

  private static final int PROBE_ROWS = 256;
  private static final double ABSENT_SHARE = 0.25;
  // fixed, so that a model is accepted or refused alike every time (Tribuo's Trainer.DEFAULT_SEED, which
  // serving code does not import: trainers are offline code)
  private static final long PROBE_SEED = 12345L;

  private TribuoAgreement() {}

  static void verify(Model<Label> model, Scorer scorer) {
    FeatureSchema schema = scorer.schema();
    List<double[]> rows = probeRows(model.getFeatureIDMap(), schema);
    List<Example<Label>> examples = new ArrayList<>();
    for (double[] row : rows) {
      examples.add(TribuoExamples.forPrediction(schema, row));
    }
    List<Prediction<Label>> predictions = model.predict(examples);
    for (int i = 0; i < rows.size(); i++) {
      double expected = predictions.get(i).getOutputScores().get(TribuoExamples.POSITIVE).getScore();
      double actual = scorer.score(rows.get(i));
      if (!(Math.abs(expected - actual) <= TOLERANCE)) {
        throw new ModelCompilationException(
            "the compiled scorer gives P(positive) = " + actual + " where Tribuo gives " + expected
                + " for the same features; refusing a scorer that differs from the model");
      }
    }
  }

  /** Rows in which at least one feature the model knows is present, since Tribuo cannot predict without one. */
  private static List<double[]> probeRows(ImmutableFeatureMap features, FeatureSchema schema) {
    SplittableRandom random = new SplittableRandom(PROBE_SEED);
    List<double[]> rows = new ArrayList<>();
    while (rows.size() < PROBE_ROWS) {
      double[] row = new double[schema.size()];
      boolean anyKnownPresent = false;
      for (int id = 0; id < features.size(); id++) {
        if (random.nextDouble() >= ABSENT_SHARE) {
          double value = features.get(id).uniformSample(random);
          row[schema.index(features.get(id).getName())] = value;
          anyKnownPresent |= value != 0.0;
        }
      }
      if (anyKnownPresent) {
        rows.add(row);
      }
    }
    return rows;
  }
}
