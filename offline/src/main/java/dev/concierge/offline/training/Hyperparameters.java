package dev.concierge.offline.training;

import java.util.Locale;

/** The settings a {@link ModelTrainer} trains with, one kind per model kind. */
public sealed interface Hyperparameters permits Hyperparameters.Linear, Hyperparameters.Trees {

  /** Logistic regression by SGD with AdaGrad. */
  record Linear(int epochs, double learningRate) implements Hyperparameters {
    public Linear {
      requirePositive(epochs, "epochs");
      requirePositive(learningRate, "learning-rate");
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "epochs=%d learning-rate=%s", epochs, learningRate);
    }
  }

  /** XGBoost trees; Tribuo trains one tree per class per round. */
  record Trees(int rounds, int maxDepth, double learningRate, double minChildWeight) implements Hyperparameters {
    public Trees {
      requirePositive(rounds, "rounds");
      requirePositive(maxDepth, "max-depth");
      requirePositive(learningRate, "learning-rate");
      if (minChildWeight < 0) {
        throw new IllegalArgumentException("min-child-weight must not be negative, was " + minChildWeight);
      }
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "rounds=%d max-depth=%d learning-rate=%s min-child-weight=%s",
          rounds, maxDepth, learningRate, minChildWeight);
    }
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
