package dev.concierge.models.scoring;

import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Trains the two model kinds the {@link ScorerCompiler} compiles, with fixed seeds so that the same
 * training set always gives the same model.
 */
public enum ModelTrainer {

  /** Logistic regression by SGD: the baseline, and the easiest model to explain. */
  LOGISTIC_REGRESSION {
    private static final double LEARNING_RATE = 1.0;
    private static final double ADAGRAD_EPSILON = 0.1;
    private static final int EPOCHS = 10;
    private static final int MINIBATCH_SIZE = 1;
    private static final int NO_LOSS_LOGGING = -1;

    @Override
    public Model<Label> train(TrainingSet set) {
      LinearSGDTrainer trainer =
          new LinearSGDTrainer(
              new LogMulticlass(),
              new AdaGrad(LEARNING_RATE, ADAGRAD_EPSILON),
              EPOCHS,
              NO_LOSS_LOGGING,
              MINIBATCH_SIZE,
              Trainer.DEFAULT_SEED);
      return trainer.train(TribuoExamples.dataset(set));
    }
  },

  /** XGBoost gradient-boosted trees: learns interactions the linear model cannot. */
  GRADIENT_BOOSTED_TREES {
    // Tribuo trains one tree per class per round, so the ensemble holds twice this many trees
    private static final int ROUNDS = 60;
    private static final double LEARNING_RATE = 0.3;
    private static final double MIN_SPLIT_LOSS = 0.0;
    private static final int MAX_DEPTH = 5;
    private static final double MIN_CHILD_WEIGHT = 1.0;
    private static final double ROW_SUBSAMPLE = 1.0;
    private static final double FEATURE_SUBSAMPLE = 1.0;
    private static final double L2_REGULARISATION = 1.0;
    private static final double L1_REGULARISATION = 0.0;
    // one native thread: training shares a small machine with the node serving decisions
    private static final int THREADS = 1;
    private static final boolean SILENT = true;

    @Override
    public Model<Label> train(TrainingSet set) {
      XGBoostClassificationTrainer trainer =
          new XGBoostClassificationTrainer(
              ROUNDS,
              LEARNING_RATE,
              MIN_SPLIT_LOSS,
              MAX_DEPTH,
              MIN_CHILD_WEIGHT,
              ROW_SUBSAMPLE,
              FEATURE_SUBSAMPLE,
              L2_REGULARISATION,
              L1_REGULARISATION,
              THREADS,
              SILENT,
              Trainer.DEFAULT_SEED);
      return trainer.train(TribuoExamples.dataset(set));
    }
  };

  /** Trains a model whose labels are {@link TribuoExamples#POSITIVE} and {@link TribuoExamples#NEGATIVE}. */
  public abstract Model<Label> train(TrainingSet set);
}
