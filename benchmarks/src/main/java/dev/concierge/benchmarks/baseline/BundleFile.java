package dev.concierge.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.models.Catalog;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.persistence.bundle.BundleArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@code .bundle} file as a node serves the bundle it activates: read, schema checked,
 * compiled, its tables indexed against the catalog it has, warmed up, and installed as the active
 * version of the node's own {@link ActiveModel}.
 */
final class BundleFile {

  private static final Logger log = LoggerFactory.getLogger(BundleFile.class);

  private BundleFile() {}

  static void install(ActiveModel models, Path file, Catalog catalog, int warmUpRows) throws IOException {
    ServingModel model =
        ServingModel.load(
                new BundleArchive(new ObjectMapper()).read(Files.readAllBytes(file)), catalog, models.vocabulary(),
                models.popularPerList())
            .warmedUp(warmUpRows);
    models.install(ModelAssignment.NONE.activate(model.version()), Map.of(model.version(), model));
    log.info("serving model {} from {}", model.version(), file);
  }
}
