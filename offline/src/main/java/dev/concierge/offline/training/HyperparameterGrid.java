package dev.concierge.offline.training;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The hyper-parameters {@code train} tries for each model kind, in the order it tries them (the first
 * wins a tie). A kind with one entry is trained with it, without a search.
 */
public record HyperparameterGrid(Map<ModelTrainer, List<Hyperparameters>> candidates) {

  public HyperparameterGrid {
    candidates = Map.copyOf(candidates);
    for (ModelTrainer trainer : ModelTrainer.values()) {
      if (candidates.getOrDefault(trainer, List.of()).isEmpty()) {
        throw new IllegalArgumentException("no hyper-parameters to train " + trainer + " with");
      }
    }
  }

  /** Every kind with its defaults alone: no search. */
  public static HyperparameterGrid defaultsOnly() {
    Map<ModelTrainer, List<Hyperparameters>> defaults = new EnumMap<>(ModelTrainer.class);
    for (ModelTrainer trainer : ModelTrainer.values()) {
      defaults.put(trainer, List.of(trainer.defaults()));
    }
    return new HyperparameterGrid(defaults);
  }

  /** Every combination of the values listed under {@code concierge.training.search}. */
  public static HyperparameterGrid fromConfig(Config search) {
    Config linear = search.getConfig("logistic-regression");
    List<Hyperparameters> linears = new ArrayList<>();
    for (int epochs : linear.getIntList("epochs")) {
      for (double learningRate : linear.getDoubleList("learning-rate")) {
        linears.add(new Hyperparameters.Linear(epochs, learningRate));
      }
    }
    Config trees = search.getConfig("gradient-boosted-trees");
    List<Hyperparameters> ensembles = new ArrayList<>();
    for (int rounds : trees.getIntList("rounds")) {
      for (int depth : trees.getIntList("max-depth")) {
        for (double learningRate : trees.getDoubleList("learning-rate")) {
          for (double minChildWeight : trees.getDoubleList("min-child-weight")) {
            ensembles.add(new Hyperparameters.Trees(rounds, depth, learningRate, minChildWeight));
          }
        }
      }
    }
    return new HyperparameterGrid(Map.of(
        ModelTrainer.LOGISTIC_REGRESSION, linears, ModelTrainer.GRADIENT_BOOSTED_TREES, ensembles));
  }

  public List<Hyperparameters> of(ModelTrainer trainer) {
    return candidates.get(trainer);
  }
}
