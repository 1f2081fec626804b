package dev.concierge.benchmarks.baseline;

import dev.concierge.models.Interner;
import dev.concierge.models.recommend.TrendingItems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's live trends as it hands them to the model servers through Redis: every item with a
 * trend score, by name. On a node, decisions read the trends that its own ingestion records; here the
 * stream processor records them with the same code and the model servers read a copy.
 */
record TrendsSnapshot(Map<String, Double> scores) {

  static final TrendsSnapshot NONE = new TrendsSnapshot(Map.of());

  // every score is recorded at this one instant, so that none decays against another
  private static final long RECORDED_AT = 0;

  TrendsSnapshot {
    scores = Map.copyOf(scores);
  }

  /** Every item that has a trend score above zero. */
  static TrendsSnapshot of(TrendingItems trends, Interner items) {
    Map<String, Double> scores = new HashMap<>();
    int known = items.size();
    for (int code = 0; code < known; code++) {
      double score = trends.scoreOf(code);
      if (score > 0) {
        scores.put(items.nameOf(code), score);
      }
    }
    return new TrendsSnapshot(scores);
  }

  /** Trends that score and rank these items as the writer's did, with this process's item codes. */
  TrendingItems toTrends(Interner items, long halfLifeMillis, int top) {
    TrendingItems trends = new TrendingItems(halfLifeMillis, top);
    scores.forEach((itemId, score) -> trends.record(items.intern(itemId), score, RECORDED_AT));
    trends.refreshTop();
    return trends;
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(scores.size());
      for (Map.Entry<String, Double> score : scores.entrySet()) {
        out.writeUTF(score.getKey());
        out.writeDouble(score.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static TrendsSnapshot decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int size = in.readInt();
      Map<String, Double> scores = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        scores.put(in.readUTF(), in.readDouble());
      }
      return new TrendsSnapshot(scores);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a trends snapshot: " + e.getMessage(), e);
    }
  }
}
