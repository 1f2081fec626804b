package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The node's logback.xml, as a node runs it: dated text lines, or JSON lines on request. */
@Isolated("replaces System.out")
class LogFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonLinesAreOneObjectPerLineWithTimeLevelLoggerMessageAndTheMdc() throws Exception {
    List<String> lines = logged("json");

    assertEquals(2, lines.size(), String.join("\n", lines));
    JsonNode fallback = JSON.readTree(lines.get(0));
    assertEquals("WARN", fallback.path("level").asText());
    assertEquals("dev.concierge.DecisionLogging", fallback.path("loggerName").asText());
    assertEquals("decision for c-42 fell back", fallback.path("formattedMessage").asText());
    assertEquals("d-1", fallback.path("mdc").path("decisionId").asText());
    long millis = fallback.path("timestamp").asLong();
    assertTrue(Math.abs(Instant.now().toEpochMilli() - millis) < 60_000, "the timestamp is now: " + millis);
    assertTrue(JSON.readTree(lines.get(1)).path("mdc").path("decisionId").isMissingNode(), "the MDC was cleared");
  }

  @Test
  void textLinesStartWithAnIsoDateAndItsOffset() throws Exception {
    List<String> lines = logged("text");

    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(
        lines.get(0).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) WARN .*"),
        lines.get(0));
  }

  private static List<String> logged(String format) throws Exception {
    // the test's own logging starts first, so that its start-up messages stay out of what is captured
    LoggerFactory.getILoggerFactory();
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    // the MDC the code writes to, SLF4J's, as a node's one context has it
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.putProperty("CONCIERGE_LOG_FORMAT", format);
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getClassLoader().getResource("logback.xml"));
      Logger log = context.getLogger("dev.concierge.DecisionLogging");
      MDC.put("decisionId", "d-1");
      try {
        log.warn("decision for {} fell back", "c-42");
      } finally {
        MDC.remove("decisionId");
      }
      log.info("decisions are logged again");
    } finally {
      context.stop();
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
