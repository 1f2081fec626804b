package dev.concierge.engine.model;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.models.recommend.BundleMetadata;
import dev.concierge.persistence.bundle.BundleMetadataJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * Bundles in a Cassandra table beside the journal, so every node of the cluster reads the same ones.
 * The listing columns are kept apart from the archive blob, so listing never reads model bytes.
 */
public final class CassandraBundleStore implements BundleStore {

  private final ModelTables tables;
  private final CassandraSession session;
  private final String table;
  private final ObjectMapper mapper;
  private final Executor executor;

  public CassandraBundleStore(ModelTables tables, ObjectMapper mapper, Executor executor) {
    this.tables = tables;
    this.session = tables.session();
    this.table = tables.bundles();
    this.mapper = mapper;
    this.executor = executor;
  }

  @Override
  public CompletionStage<BundleSummary> put(BundleSummary summary, byte[] archive) {
    // a lightweight transaction, so two nodes publishing one version at once cannot both win
    return tables.ready().thenComposeAsync(done -> session
        .selectOne(
            "INSERT INTO " + table + " (version, kind, published_at, metadata, archive) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS",
            summary.version(), summary.kind(), summary.publishedAt(), metadataJson(summary.metadata()),
            ByteBuffer.wrap(archive))
        .thenApplyAsync(
            row -> {
              if (row.isPresent() && !row.get().getBoolean("[applied]")) {
                throw new CompletionException(new VersionExistsException(summary.version()));
              }
              return summary;
            },
            executor), executor);
  }

  @Override
  public CompletionStage<Optional<byte[]>> archive(String version) {
    return tables.ready().thenComposeAsync(done -> session
        .selectOne("SELECT archive FROM " + table + " WHERE version = ?", version)
        .thenApplyAsync(row -> row.map(r -> bytes(r.getByteBuffer("archive"))), executor), executor);
  }

  @Override
  public CompletionStage<List<BundleSummary>> list() {
    return tables.ready().thenComposeAsync(done -> session
        .selectAll("SELECT version, kind, published_at, metadata FROM " + table)
        .thenApplyAsync(
            rows -> {
              List<BundleSummary> summaries = new ArrayList<>(rows.size());
              for (Row row : rows) {
                summaries.add(
                    new BundleSummary(
                        row.getString("version"), row.getString("kind"), row.getInstant("published_at"),
                        metadata(row.getString("metadata"))));
              }
              summaries.sort(Comparator.comparing(BundleSummary::publishedAt).reversed());
              return summaries;
            },
            executor), executor);
  }

  private String metadataJson(BundleMetadata metadata) {
    ObjectNode json = mapper.createObjectNode();
    BundleMetadataJson.write(metadata, json);
    return json.toString();
  }

  private BundleMetadata metadata(String text) {
    try {
      return BundleMetadataJson.read(mapper.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException("stored bundle metadata is not JSON", e);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
