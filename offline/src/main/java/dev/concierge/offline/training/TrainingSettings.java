package dev.concierge.offline.training;

import com.typesafe.config.Config;

/** How bundles are trained, read from {@code concierge.training} (the session timeout from the features). */
public final class TrainingSettings {

  private TrainingSettings() {}

  public static BundleTrainer.Settings fromConfig(Config concierge) {
    Config training = concierge.getConfig("training");
    return new BundleTrainer.Settings(
        training.getDouble("label-share"),
        training.getDouble("holdout-share"),
        new CandidateTablesBuilder.Settings(
            training.getInt("neighbours-per-item"),
            training.getInt("max-session-items"),
            concierge.getDuration("features.session-idle-timeout"),
            new CoOccurrence.Settings(
                training.getInt("co-occurrence.window-items"),
                training.getDuration("co-occurrence.window"),
                training.getDouble("co-occurrence.shrinkage")),
            new ImplicitFactorisation.Settings(
                training.getInt("factorisation.factors"),
                training.getInt("factorisation.iterations"),
                training.getDouble("factorisation.regularisation"),
                training.getDouble("factorisation.alpha"),
                training.getLong("seed"))),
        new TrainingSetBuilder.Settings(
            training.getInt("negatives-per-positive"), training.getLong("seed"),
            training.getEnum(TrainingSetBuilder.Labels.class, "labels")),
        concierge.getInt("recommender.popular-per-list"),
        HyperparameterGrid.fromConfig(training.getConfig("search")));
  }
}
