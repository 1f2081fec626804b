package dev.concierge.tools.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.tools.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/concierge dev's bundle publishing: every bundle once, the dev bundle active unless one is, no failure fatal. */
class PublishDirTest {

  @TempDir Path dir;

  @Test
  void publishesEachBundleKeepsOnesPublishedBeforeAndActivatesWhenNoneIsActive() throws IOException {
    Files.writeString(dir.resolve("a.bundle"), "A");
    Files.writeString(dir.resolve("b.bundle"), "B");
    Files.writeString(dir.resolve("notes.txt"), "not a bundle");
    try (FakeAdminApi api = FakeAdminApi.start()) {
      api.answer("POST", "/admin/models", 201, "{\"version\":\"a\"}")
          .answer("POST", "/admin/models", 409, "{\"error\":\"conflict\",\"message\":\"published before\"}")
          .answer("GET", "/admin/models", 200, "{\"assignment\":{\"activeVersion\":null},\"bundles\":[]}")
          .answer("POST", "/admin/models/b/activate", 200, "{\"activeVersion\":\"b\"}");

      ToolRun run = publish(api, "b");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(List.of("[dev] published a", "[dev] activated b"), run.err().lines().toList());
      List<FakeAdminApi.Request> published = api.requests("POST", "/admin/models");
      assertEquals(List.of("A", "B"), published.stream().map(FakeAdminApi.Request::text).toList());
      assertEquals("application/octet-stream", published.get(0).contentType());
      assertEquals("Bearer s3cret", published.get(0).authorization());
    }
  }

  @Test
  void anActiveVersionStaysAndAFailureIsAWarning() throws IOException {
    Files.writeString(dir.resolve("a.bundle"), "A");
    try (FakeAdminApi api = FakeAdminApi.start()) {
      api.answer("POST", "/admin/models", 400, "{\"error\":\"invalid_bundle\",\"message\":\"not a bundle\"}")
          .answer("GET", "/admin/models", 200, "{\"assignment\":{\"activeVersion\":\"a\"},\"bundles\":[]}");

      ToolRun run = publish(api, "b");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("[dev] WARNING: publishing a.bundle failed: not a bundle"), run.err());
      assertTrue(api.requests("POST", "/admin/models/b/activate").isEmpty());
    }
  }

  private ToolRun publish(FakeAdminApi api, String version) {
    return ToolRun.concierge(Map.of("CONCIERGE_ADMIN_TOKEN", "s3cret", "CONCIERGE_STATE_DIR", dir.toString()),
        "admin", "models", "publish-dir", dir.toString(), "--activate-if-none", version, "--url",
        api.url().toString(), "--log-tag", "dev");
  }
}
