package dev.concierge.offline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.offline.backtest.AbResult;
import dev.concierge.offline.backtest.ArmOutcome;
import dev.concierge.offline.backtest.BacktestResult;
import dev.concierge.offline.backtest.BacktestSettings;
import dev.concierge.offline.backtest.BacktestWindows;
import dev.concierge.offline.backtest.Bootstrap;
import dev.concierge.offline.backtest.Interval;
import dev.concierge.offline.backtest.JoinCounts;
import dev.concierge.offline.backtest.JudgedCases;
import dev.concierge.offline.backtest.LatencySummary;
import dev.concierge.offline.backtest.Lift;
import dev.concierge.offline.backtest.ModelMetrics;
import dev.concierge.offline.backtest.Proportion;
import dev.concierge.offline.backtest.RankQuality;
import dev.concierge.offline.backtest.TimeBucket;
import dev.concierge.offline.backtest.UnmatchedIds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The report's shape and content, checked by parsing it rather than against a stored copy. */
class BacktestReportTest {

  private static final int MAX_K = 20;
  private static final String TRICKY = "<b>\"tricky\" & 'name'</b>";
  private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant SPLIT = Instant.parse("2026-10-25T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-10-31T00:00:00Z");
  private static final BacktestSettings SETTINGS =
      new BacktestSettings(MAX_K, Duration.ofDays(1), JudgedCases.HONEST, 0.8, new Bootstrap.Settings(1000, 1));
  private static final String POPULARITY = "popularity";
  private static final Interval LR_HIT_RATE = new Interval(0.613, 0.595, 0.631);
  private static final Lift LR_OVER_POPULARITY = new Lift("lr-v1", POPULARITY, new Interval(14.6, 12.1, 17.9));
  private static final Lift TRICKY_OVER_POPULARITY =
      new Lift(TRICKY, POPULARITY, new Interval(0.5, 0.2, Double.POSITIVE_INFINITY));

  private final BacktestResult result =
      new BacktestResult(
          new BacktestWindows(FROM, SPLIT, TO), SETTINGS, 1000, 80_000, 2_938, 1_234, Duration.ofSeconds(2),
          List.of(
              model("lr-v1", 0.613, 0.417, 0.354, LR_HIT_RATE, List.of(LR_OVER_POPULARITY)),
              model(TRICKY, 0.042, 0.019, 0.014, new Interval(0.042, 0.035, 0.05), List.of(TRICKY_OVER_POPULARITY)),
              model(POPULARITY, 0.042, 0.019, 0.014, new Interval(0.042, 0.035, 0.05), List.of())));
  private final AbResult abTest =
      new AbResult(Duration.ofMinutes(30), 7, new UnmatchedIds(4, 2), List.of(
          new ArmOutcome("ranker", "lr-v1", Proportion.of(120, 1000), Proportion.of(30, 1000), new JoinCounts(90, 45)),
          new ArmOutcome("ranker", "popularity", Proportion.of(80, 1000), Proportion.of(20, 1000),
              new JoinCounts(60, 25))));

  @Test
  void jsonLeadsWithTheContractFields() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BacktestReport.of(result).json());

    assertEquals("models", json.fieldNames().next());
    JsonNode first = json.get("models").get(0);
    assertEquals("lr-v1", first.get("name").asText());
    assertEquals(List.of("hr@10", "ndcg@10", "mrr", "coverage"), firstFields(first.get("metrics"), 4));
    assertEquals(0.613, first.get("metrics").get("hr@10").asDouble(), 1e-12);
    assertEquals(0.417, first.get("metrics").get("ndcg@10").asDouble(), 1e-12);
    assertEquals(0.354, first.get("metrics").get("mrr").asDouble(), 1e-12);
    assertEquals(0.25, first.get("metrics").get("coverage").asDouble(), 1e-12);
    assertEquals(TRICKY, json.get("models").get(1).get("name").asText());
  }

  @Test
  void jsonGivesEachModelItsIntervalAndItsLiftsOverTheBaselines() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BacktestReport.of(result).json());

    JsonNode lr = json.get("models").get(0);
    assertEquals(LR_HIT_RATE.low(), lr.get("metrics").get("hr@10Interval").get("low95").asDouble(), 1e-12);
    assertEquals(LR_HIT_RATE.high(), lr.get("metrics").get("hr@10Interval").get("high95").asDouble(), 1e-12);
    JsonNode lift = lr.get("lifts").get(0);
    assertEquals(POPULARITY, lift.get("baseline").asText());
    assertEquals(14.6, lift.get("ratio").asDouble(), 1e-12);
    assertEquals(12.1, lift.get("low95").asDouble(), 1e-12);
    assertEquals(17.9, lift.get("high95").asDouble(), 1e-12);
    JsonNode unbounded = json.get("models").get(1).get("lifts").get(0);
    assertTrue(unbounded.get("high95").isNull(), "an unbounded end is null: " + unbounded);
    assertEquals(0, json.get("models").get(2).get("lifts").size(), "no lift over itself");
  }

  @Test
  void jsonSaysHowTheCasesWereJudged() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BacktestReport.of(result).json());

    JsonNode protocol = json.get("protocol");
    assertEquals("purchases", protocol.get("judged").asText());
    assertFalse(protocol.get("repeats").asBoolean());
    assertTrue(protocol.get("touchedItemsLeftOut").asBoolean());
    assertEquals(1000, protocol.get("bootstrap").get("resamples").asInt());
    assertEquals(0.95, protocol.get("bootstrap").get("confidence").asDouble(), 1e-12);
    assertEquals(1_234, json.get("counts").get("repeatCasesSkipped").asLong());
  }

  @Test
  void anUndefinedLiftIsNullInTheJsonAndSaidSoOnThePage() throws Exception {
    Lift undefined = new Lift("lr-v1", POPULARITY, null);
    BacktestResult nothingHit = new BacktestResult(result.windows(), SETTINGS, 1000, 10, 5, 0, Duration.ofSeconds(1),
        List.of(model("lr-v1", 0.2, 0.1, 0.1, new Interval(0.2, 0, 0.6), List.of(undefined)),
            model(POPULARITY, 0, 0, 0, new Interval(0, 0, 0), List.of())));

    JsonNode lift = new ObjectMapper().readTree(BacktestReport.of(nothingHit).json()).get("models").get(0).get("lifts").get(0);
    Document page = parse(BacktestReport.of(nothingHit).html());

    assertTrue(lift.get("ratio").isNull() && lift.get("low95").isNull() && lift.get("high95").isNull(), lift.toString());
    assertEquals("undefined (popularity hit nothing)", rows((Element) page.getElementsByTagName("table").item(1)).get(1).get(1));
  }

  @Test
  void jsonAddsTheCurvesLatencyWindowsAndCounts() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BacktestReport.of(result).json());

    JsonNode metrics = json.get("models").get(0).get("metrics");
    assertEquals(MAX_K, metrics.get("hr@k").size());
    assertEquals(metrics.get("hr@10").asDouble(), metrics.get("hr@k").get(9).asDouble(), 1e-12);
    assertEquals(MAX_K, metrics.get("coverage@k").size());
    assertEquals(40_000, metrics.get("latencyNanos").get("p50").asLong());
    assertEquals(3, json.get("models").get(0).get("overTime").size());
    assertEquals(SPLIT.toString(), json.get("windows").get("split").asText());
    assertEquals(2_938, json.get("counts").get("cases").asLong());
    assertEquals(2_938 / 2.0, json.get("speed").get("casesPerSecond").asDouble(), 1e-9);
    assertFalse(json.has("abTest"));
  }

  @Test
  void jsonCarriesTheAbTestWhenGiven() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BacktestReport.of(result).withAbTest(abTest).json());

    JsonNode arm = json.get("abTest").get("arms").get(0);
    assertEquals("lr-v1", arm.get("arm").asText());
    assertEquals(1000, arm.get("decisions").asLong());
    assertEquals(0.12, arm.get("clickThrough").get("rate").asDouble(), 1e-12);
    assertEquals(Proportion.of(120, 1000).low(), arm.get("clickThrough").get("low95").asDouble(), 1e-12);
    assertEquals("PT30M", json.get("abTest").get("attributionWindow").asText());
    assertEquals(90, arm.get("joined").get("byId").asLong());
    assertEquals(45, arm.get("joined").get("byWindow").asLong());
    assertEquals(4, json.get("abTest").get("unmatchedIds").get("unknownDecision").asLong());
    assertEquals(2, json.get("abTest").get("unmatchedIds").get("itemNotShown").asLong());
  }

  @Test
  void theSummarySaysHowEachArmsOutcomesWereJoinedAndHowManyIdsMatchedNothing() {
    String summary = BacktestReport.of(result).withAbTest(abTest).summary();

    assertTrue(summary.contains("6 clicks and purchases named a decision they could not be joined to"
        + " (4 no logged decision, 2 one that had not shown their item)"), summary);
    assertTrue(summary.lines().anyMatch(line -> line.startsWith("ranker/lr-v1")
        && line.contains("12.0%") && line.endsWith("joined by id 90, by window 45")), summary);
    assertFalse(BacktestReport.of(result).summary().contains("A/B"), "no A/B lines without an A/B check");
  }

  @Test
  void htmlIsWellFormedAndSelfContained() throws Exception {
    byte[] html = BacktestReport.of(result).withAbTest(abTest).html();
    Document page = parse(html);

    assertEquals("html", page.getDocumentElement().getTagName());
    assertEquals(0, page.getElementsByTagName("script").getLength());
    assertEquals(0, page.getElementsByTagName("link").getLength());
    assertEquals(0, page.getElementsByTagName("img").getLength());
    String text = new String(html, StandardCharsets.UTF_8);
    assertFalse(text.contains("src="), "nothing is fetched");
    for (Element element : elements(page.getElementsByTagName("*"))) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Node attribute = attributes.item(i);
        // namespace names are identifiers, never fetched
        if (!attribute.getNodeName().startsWith("xmlns")) {
          assertFalse(attribute.getNodeValue().contains("//"), "no external reference: " + attribute);
          assertFalse(attribute.getNodeValue().contains("url(") && !attribute.getNodeValue().contains("url(#"),
              "only references within the page: " + attribute);
        }
      }
    }
  }

  @Test
  void htmlHasTheMetricsTableWithNamesAndNumbers() throws Exception {
    Document page = parse(BacktestReport.of(result).html());

    NodeList tables = page.getElementsByTagName("table");
    assertEquals(2, tables.getLength(), "metrics and lifts, no A/B table without an A/B test");
    List<List<String>> rows = rows((Element) tables.item(0));
    assertEquals(
        List.of("lr-v1", "2026-10-25 00:00 UTC", "2,938", "61.3%", "59.5% – 63.1%", "0.417", "0.354", "25.0%",
            "40 µs", "90 µs", "20,000/s"),
        rows.get(1));
    assertEquals(TRICKY, rows.get(2).get(0), "names are escaped, not interpreted");
    assertEquals(0, page.getElementsByTagName("b").getLength());
  }

  @Test
  void htmlHasALiftTableWithAColumnPerBaseline() throws Exception {
    Document page = parse(BacktestReport.of(result).html());

    List<List<String>> rows = rows((Element) page.getElementsByTagName("table").item(1));
    assertEquals(List.of("Model", "over popularity"), rows.get(0));
    assertEquals(List.of("lr-v1", "14.60× [12.10, 17.90]"), rows.get(1));
    assertEquals(List.of(TRICKY, "0.50× [0.20, ∞]"), rows.get(2));
    assertEquals(List.of(POPULARITY, "—"), rows.get(3));
  }

  @Test
  void htmlStatesTheProtocol() throws Exception {
    String text = parse(BacktestReport.of(result).html()).getDocumentElement().getTextContent();

    assertTrue(text.contains("Judged 2,938 purchases of items the shopper had not touched before (1,234 repeat cases"
        + " skipped)"), text);
    assertTrue(text.contains("Baselines rank the whole in-stock catalog; bundles are judged as served"), text);
  }

  @Test
  void theSummaryGivesEachModelsIntervalAndLifts() {
    String summary = BacktestReport.of(result).summary();

    List<String> lines = summary.lines().toList();
    assertTrue(lines.get(0).startsWith("Judged 2,938 purchases"), summary);
    assertTrue(lines.get(1).matches("lr-v1 +HR@10 0\\.613 \\[0\\.595, 0\\.631\\]  NDCG@10 0\\.417  MRR 0\\.354  coverage 0\\.250"),
        lines.get(1));
    assertTrue(summary.contains("lift of HR@10 over each baseline; 95% percentile bootstrap over the cases, 1,000"
        + " resamples shared by all models, paired for the lifts, seed 1:"), summary);
    assertTrue(lines.stream().anyMatch(line -> line.matches("lr-v1 +over popularity 14\\.60× \\[12\\.10, 17\\.90\\]")),
        summary);
    assertFalse(lines.stream().anyMatch(line -> line.matches("popularity +")), "no empty lift line for the baseline");
  }

  @Test
  void htmlDrawsHitRateAtKAndOverTimeWithOneLinePerModel() throws Exception {
    Document page = parse(BacktestReport.of(result).html());

    NodeList charts = page.getElementsByTagName("svg");
    assertEquals(2, charts.getLength());
    Element byK = (Element) charts.item(0);
    assertEquals(List.of("lr-v1", TRICKY, POPULARITY), titles(groups(byK, "series")), "one line per model");
    List<String> points = titles(groups(byK, "point"));
    assertEquals(3 * MAX_K, points.size(), "a point per K and model");
    assertEquals("lr-v1: HR@10 61.3%", points.get(9), "a point's tooltip names its model and value");
    assertTrue(texts(byK).contains(TRICKY), "the legend names every model");
    Element overTime = (Element) charts.item(1);
    assertEquals(List.of("lr-v1", TRICKY, POPULARITY), titles(groups(overTime, "series")));
    assertEquals(3 * 3, groups(overTime, "point").size());
    assertTrue(texts(overTime).contains("10-26"), "days label the time axis");
    for (Element chart : List.of(byK, overTime)) {
      for (Element line : groups(chart, "series")) {
        String path = ((Element) line.getElementsByTagName("path").item(0)).getAttribute("d");
        List<String> coordinates = List.of(path.replaceAll("[MLQCZ]", " ").trim().split("[\\s,]+"));
        assertTrue(coordinates.size() >= 2 * 3, path);
        for (String coordinate : coordinates) {
          assertTrue(Double.isFinite(Double.parseDouble(coordinate)), path);
        }
      }
    }
  }

  @Test
  void htmlShowsEachArmWithItsInterval() throws Exception {
    Document page = parse(BacktestReport.of(result).withAbTest(abTest).html());

    List<List<String>> rows = rows((Element) page.getElementsByTagName("table").item(2));
    Proportion ctr = Proportion.of(120, 1000);
    assertEquals(List.of("ranker", "lr-v1", "1,000", "12.0%",
        Formats.percent(ctr.low()) + " – " + Formats.percent(ctr.high()), "3.0%"), rows.get(1).subList(0, 6));
    assertEquals(List.of("Joined by id", "Joined by window"), rows.get(0).subList(7, 9));
    assertEquals(List.of("90", "45"), rows.get(1).subList(7, 9));
    assertEquals("popularity", rows.get(2).get(1));
  }

  private static ModelMetrics model(
      String name, double hr10, double ndcg10, double mrr, Interval hitRate, List<Lift> lifts) {
    // curves that pass through the given values at K = 10
    List<Double> hitRates = IntStream.rangeClosed(1, MAX_K).mapToObj(k -> hr10 * Math.sqrt(k / 10.0)).toList();
    List<Double> ndcgs = IntStream.rangeClosed(1, MAX_K).mapToObj(k -> ndcg10 * Math.sqrt(k / 10.0)).toList();
    List<Double> coverage = IntStream.rangeClosed(1, MAX_K).mapToObj(k -> 0.025 * k).toList();
    RankQuality quality = new RankQuality(2_938, hitRates, ndcgs, mrr);
    List<TimeBucket> overTime = List.of(
        new TimeBucket(Instant.parse("2026-10-25T00:00:00Z"), quality),
        new TimeBucket(Instant.parse("2026-10-26T00:00:00Z"), quality),
        new TimeBucket(Instant.parse("2026-10-27T00:00:00Z"), quality));
    return new ModelMetrics(name, SPLIT, quality, hitRate, lifts, coverage,
        new LatencySummary(2_938, 2_938L * 50_000, 40_000, 60_000, 90_000, 200_000), overTime);
  }

  private static Document parse(byte[] html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html));
  }

  private static List<List<String>> rows(Element table) {
    List<List<String>> rows = new ArrayList<>();
    for (Element row : elements(table.getElementsByTagName("tr"))) {
      List<String> cells = new ArrayList<>();
      for (Element cell : elements(row.getChildNodes())) {
        cells.add(cell.getTextContent());
      }
      rows.add(cells);
    }
    return rows;
  }

  /** A chart's groups of one kind: {@code series} (a line) or {@code point}. */
  private static List<Element> groups(Element chart, String kind) {
    return elements(chart.getElementsByTagName("g")).stream().filter(g -> kind.equals(g.getAttribute("class"))).toList();
  }

  /** Each group's tooltip. */
  private static List<String> titles(List<Element> groups) {
    return groups.stream().map(g -> g.getElementsByTagName("title").item(0).getTextContent()).toList();
  }

  private static List<String> texts(Element chart) {
    return elements(chart.getElementsByTagName("text")).stream().map(Element::getTextContent).toList();
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static List<String> firstFields(JsonNode node, int count) {
    List<String> names = new ArrayList<>();
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext() && names.size() < count) {
      names.add(fields.next());
    }
    return names;
  }
}
