package dev.concierge.engine.model;

import dev.concierge.models.Catalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.recommend.ServingModel;
import java.util.HashMap;
import java.util.Map;

/**
 * The models this node serves now: the assignment (active version and experiments) and the bundles
 * loaded for it, plus the built-in heuristic for when no bundle is active. Readers never wait: an
 * install replaces one immutable selection with another, so a request in flight finishes on the
 * model it started with and the next one gets the new model.
 *
 * <p>Two writers replace the selection: the model registry installs, and the catalog consumer
 * refiles the loaded models' per-category lists. They take a lock so that neither puts back what the
 * other just replaced; readers take none.
 */
public final class ActiveModel implements ModelChooser {

  /** The model one decision runs, and the experiment and arm it belongs to (null outside experiments). */
  public record Served(ServingModel model, String experiment, String arm) {}

  private record Selection(ModelAssignment assignment, Map<String, ServingModel> loaded) {}

  private final Vocabulary vocabulary;
  private final int popularPerList;
  private volatile Selection selection = new Selection(ModelAssignment.NONE, Map.of());
  private volatile ServingModel heuristic;
  private Catalog catalog = Catalog.EMPTY;

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

  /**
   * Serves {@code loaded} under {@code assignment} from the next decision on, filed by the latest
   * catalog: it may have changed while they loaded.
   */
  public synchronized void install(ModelAssignment assignment, Map<String, ServingModel> loaded) {
    selection = new Selection(assignment, filedBy(loaded, catalog));
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

  /**
   * Keeps the heuristic's popularity and the loaded models' per-category lists in step with the
   * catalog: an item moved to another category, or one the catalog did not hold when its bundle
   * loaded (on a node that starts, bundles load before the catalog is read), is offered there.
   */
  public synchronized void catalogChanged(Catalog catalog) {
    this.catalog = catalog;
    heuristic = ServingModel.heuristic(catalog, vocabulary, popularPerList);
    Selection current = selection;
    selection = new Selection(current.assignment(), filedBy(current.loaded(), catalog));
  }

  private static Map<String, ServingModel> filedBy(Map<String, ServingModel> loaded, Catalog catalog) {
    Map<String, ServingModel> filed = new HashMap<>();
    loaded.forEach((version, model) -> filed.put(version, model.filedBy(catalog)));
    return Map.copyOf(filed);
  }
}
