package dev.concierge.engine.model;

import dev.concierge.models.Catalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ServingModel;
import java.util.function.Supplier;

/**
 * The model this node serves now. Until a trained bundle is activated it is the heuristic, whose
 * popularity comes from the catalog and so follows catalog updates. Readers never wait: a swap
 * replaces one immutable {@link ServingModel} with another.
 */
public final class ActiveModel implements Supplier<ServingModel> {

  private final Vocabulary vocabulary;
  private final int popularPerList;
  private volatile ServingModel current;
  private volatile boolean trained;

  public ActiveModel(Vocabulary vocabulary, int popularPerList) {
    this.vocabulary = vocabulary;
    this.popularPerList = popularPerList;
    this.current = ServingModel.heuristic(Catalog.EMPTY, vocabulary, popularPerList);
  }

  @Override
  public ServingModel get() {
    return current;
  }

  /** Serves {@code model} from the next decision on. */
  public void activate(ServingModel model) {
    current = model;
    trained = true;
  }

  /** Keeps the heuristic's popularity in step with the catalog. */
  public void catalogChanged(Catalog catalog) {
    if (!trained) {
      current = ServingModel.heuristic(catalog, vocabulary, popularPerList);
    }
  }
}
