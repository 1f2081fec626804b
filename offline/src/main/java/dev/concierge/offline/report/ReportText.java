package dev.concierge.offline.report;

import dev.concierge.offline.backtest.AbResult;
import dev.concierge.offline.backtest.ArmOutcome;
import dev.concierge.offline.backtest.BacktestResult;
import dev.concierge.offline.backtest.BacktestSettings;
import dev.concierge.offline.backtest.JudgedCases;
import dev.concierge.offline.backtest.Lift;
import dev.concierge.offline.backtest.ModelMetrics;
import dev.concierge.offline.backtest.UnmatchedIds;
import java.util.Locale;
import java.util.StringJoiner;

/** The report's words: the console summary, and the protocol sentence the page shares with it. */
final class ReportText {

  private static final int K = BacktestSettings.HEADLINE_K;
  private static final String MODEL_COLUMN = "%-36s";

  private ReportText() {}

  /** What was judged and how, in one paragraph. */
  static String protocol(BacktestResult result) {
    JudgedCases judged = result.settings().cases();
    String cases = Formats.count(result.cases()) + " " + judged.describeTypes();
    if (judged.repeats()) {
      return "Judged " + cases + " of the test window, repeats included: a list may hold items the shopper had"
          + " touched. Baselines rank the whole in-stock catalog; bundles are judged as served, on their own"
          + " candidates.";
    }
    return "Judged " + cases + " of items the shopper had not touched before (" + Formats.count(result.repeatCases())
        + " repeat cases skipped), and every list left out the items its shopper had touched. Baselines rank"
        + " the whole in-stock catalog; bundles are judged as served, on their own candidates.";
  }

  /** How the intervals were drawn. */
  static String bootstrap(BacktestResult result) {
    return "95% percentile bootstrap over the cases, " + Formats.count(result.settings().bootstrap().resamples())
        + " resamples shared by all models, paired for the lifts, seed " + result.settings().bootstrap().seed();
  }

  /** How clicks and purchases were joined to the decisions, and how many named one they could not be joined to. */
  static String abJoins(AbResult abTest) {
    UnmatchedIds unmatched = abTest.unmatchedIds();
    return "A decision counts as clicked when a click or purchase of one of its items was joined to it, and as"
        + " purchased when a purchase was: by the decisionId the event carried, or, for an event without one, by"
        + " its customer's decisions within " + Formats.span(abTest.attributionWindow()) + " before it. "
        + Formats.count(unmatched.total()) + " clicks and purchases named a decision they could not be joined to ("
        + Formats.count(unmatched.unknownDecision()) + " no logged decision, " + Formats.count(unmatched.itemNotShown())
        + " one that had not shown their item) and count for none.";
  }

  /** The console summary; the A/B lines when there was an A/B check. */
  static String render(BacktestResult result, AbResult abTest) {
    StringBuilder text = new StringBuilder(models(result));
    if (abTest != null) {
      text.append("A/B test: ").append(abJoins(abTest)).append('\n');
      for (ArmOutcome arm : abTest.arms()) {
        text.append(String.format(Locale.ROOT,
            MODEL_COLUMN + " %s decisions  click-through %s [%s]  purchase %s [%s]  joined by id %s, by window %s%n",
            arm.experiment() + "/" + arm.arm(), Formats.count(arm.decisions()),
            Formats.percent(arm.clickThrough().rate()), Formats.interval(arm.clickThrough()),
            Formats.percent(arm.purchase().rate()), Formats.interval(arm.purchase()),
            Formats.count(arm.joins().byId()), Formats.count(arm.joins().byWindow())));
      }
    }
    return text.toString();
  }

  private static String models(BacktestResult result) {
    StringBuilder text = new StringBuilder(protocol(result)).append('\n');
    for (ModelMetrics model : result.models()) {
      text.append(String.format(Locale.ROOT, MODEL_COLUMN + " HR@%d %s %s  NDCG@%d %s  MRR %s  coverage %s%n",
          model.name(), K, Formats.decimal(model.headlineHitRate().estimate()),
          Formats.decimalInterval(model.headlineHitRate()), K, Formats.decimal(model.quality().ndcg(K)),
          Formats.decimal(model.quality().mrr()), Formats.decimal(model.coverage(K))));
    }
    boolean anyLift = result.models().stream().anyMatch(model -> !model.lifts().isEmpty());
    if (anyLift) {
      text.append("lift of HR@").append(K).append(" over each baseline; ").append(bootstrap(result)).append(":\n");
      for (ModelMetrics model : result.models()) {
        if (model.lifts().isEmpty()) {
          continue;
        }
        StringJoiner lifts = new StringJoiner("  ");
        for (Lift lift : model.lifts()) {
          lifts.add("over " + lift.baseline() + " " + Formats.lift(lift));
        }
        text.append(String.format(Locale.ROOT, MODEL_COLUMN + " %s%n", model.name(), lifts));
      }
    }
    return text.toString();
  }
}
