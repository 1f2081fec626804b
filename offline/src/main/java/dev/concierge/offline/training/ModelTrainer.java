package dev.concierge.offline.training;

import dev.concierge.models.scoring.ScorerCompiler;
import dev.concierge.models.scoring.TribuoExamples;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Trains the two model kinds the {@link ScorerCompiler} compiles, with fixed seeds so that the same
 * training set and {@link Hyperparameters} always give the same model.
 */
public enum ModelTrainer {

  /** Logistic regression by SGD: the baseline, and the easiest model to explain. */
  LOGISTIC_REGRESSION {
    private static final double ADAGRAD_EPSILON = 0.1;
    private static final int MINIBATCH_SIZE = 1;
    private static final int NO_LOSS_LOGGING = -1;
    private static final Hyperparameters.Linear DEFAULTS = new Hyperparameters.Linear(10, 1.0);

    @Override
    public Hyperparameters defaults() {
      return DEFAULTS;
    }

    @Override
    public Model<Label> train(TrainingSet set, Hyperparameters hyperparameters) {
      if (!(hyperparameters instanceof Hyperparameters.Linear linear)) {
        throw new IllegalArgumentException("logistic regression trains with epochs and a learning rate, not " + hyperparameters);
      }
      LinearSGDTrainer trainer =
          new LinearSGDTrainer(
              new LogMulticlass(),
              new AdaGrad(linear.learningRate(), ADAGRAD_EPSILON),
              linear.epochs(),
              NO_LOSS_LOGGING,
              MINIBATCH_SIZE,
              Trainer.DEFAULT_SEED);
      return trainer.train(set.dataset());
    }
  },

  /** XGBoost gradient-boosted trees: learns interactions the linear model cannot. */
  GRADIENT_BOOSTED_TREES {
    private static final double MIN_SPLIT_LOSS = 0.0;
    private static final double ROW_SUBSAMPLE = 1.0;
    private static final double FEATURE_SUBSAMPLE = 1.0;
    private static final double L2_REGULARISATION = 1.0;
    private static final double L1_REGULARISATION = 0.0;
    // one native thread: training shares a small machine with the node serving decisions
    private static final int THREADS = 1;
    private static final boolean SILENT = true;
    private static final Hyperparameters.Trees DEFAULTS = new Hyperparameters.Trees(60, 3, 0.1, 1.0);

    @Override
    public Hyperparameters defaults() {
      return DEFAULTS;
    }

    @Override
    public Model<Label> train(TrainingSet set, Hyperparameters hyperparameters) {
      if (!(hyperparameters instanceof Hyperparameters.Trees trees)) {
        throw new IllegalArgumentException("trees train with rounds, a depth and a learning rate, not " + hyperparameters);
      }
      XGBoostClassificationTrainer trainer =
          new XGBoostClassificationTrainer(
              trees.rounds(),
              trees.learningRate(),
              MIN_SPLIT_LOSS,
              trees.maxDepth(),
              trees.minChildWeight(),
              ROW_SUBSAMPLE,
              FEATURE_SUBSAMPLE,
              L2_REGULARISATION,
              L1_REGULARISATION,
              THREADS,
              SILENT,
              Trainer.DEFAULT_SEED);
      return trainer.train(set.dataset());
    }
  };

  /** What this kind trains with when nothing was searched: the settings measured in BENCHMARKS.md. */
  public abstract Hyperparameters defaults();

  /**
   * Trains a model whose labels are {@link TribuoExamples#POSITIVE} and {@link TribuoExamples#NEGATIVE}.
   *
   * @throws IllegalArgumentException when the hyper-parameters are of another model kind
   */
  public abstract Model<Label> train(TrainingSet set, Hyperparameters hyperparameters);

  /** {@link #train(TrainingSet, Hyperparameters)} with {@link #defaults()}. */
  public Model<Label> train(TrainingSet set) {
    return train(set, defaults());
  }
}
