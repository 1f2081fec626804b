package dev.concierge.engine.model;

import dev.concierge.models.Catalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.recommend.ServingModel;
import java.util.Map;

/**
 * The models this node serves now: the assignment (active version and experiments) and the bundles
 * loaded for it, plus the built-in heuristic for when no bundle is active. Readers never wait: an
 * install replaces one immutable selection with another, so a request in flight finishes on the
 * model it started with and the next one gets the new model.
 */
public final class ActiveModel implements ModelChooser {

  /** The model one decision runs, and the experiment and arm it belongs to (null outside experiments). */
  public record Served(ServingModel model, String experiment, String arm) {}

  private record Selection(ModelAssignment assignment, Map<String, ServingModel> loaded) {}

  private final Vocabulary vocabulary;
  private final int popularPerList;
  private volatile Selection selection = new Selection(ModelAssignment.NONE, Map.of());
  private volatile ServingModel heuristic;

  public ActiveModel(Vocabulary vocabulary, int popularPerList) {
    this.vocabulary = vocabulary;
    this.popularPerList = popularPerList;
    this.heuristic = ServingModel.heuristic(Catalog.EMPTY, vocabulary, popularPerList);
  }

  @Override
  public Served choose(String customerId) {
    Selection current = selection;
    ModelAssignment.Choice choice = current.assignment().choose(customerId);
    ServingModel model = choice.version() == null ? null : current.loaded().get(choice.version());
    if (model == null) {
      // not loaded here (yet): serve the heuristic, and do not count it in the experiment's arm
      return new Served(heuristic, null, null);
    }
    return new Served(model, choice.experiment(), choice.arm());
  }

  /** Serves {@code loaded} under {@code assignment} from the next decision on. */
  public void install(ModelAssignment assignment, Map<String, ServingModel> loaded) {
    selection = new Selection(assignment, Map.copyOf(loaded));
  }

  public ModelAssignment assignment() {
    return selection.assignment();
  }

  public Map<String, ServingModel> loaded() {
    return selection.loaded();
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public int popularPerList() {
    return popularPerList;
  }

  /** Keeps the heuristic's popularity in step with the catalog. */
  public void catalogChanged(Catalog catalog) {
    heuristic = ServingModel.heuristic(catalog, vocabulary, popularPerList);
  }
}
