package dev.concierge.engine.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebhookTest {

  /** Computed apart from this code: Python's hmac.new(b"whsec_test", b"1700000000.<body>", sha256). */
  @Test
  void theSignatureIsTheHexHmacSha256OfTimestampDotBodyUnderTheSecret() {
    byte[] body = "{\"triggerId\":\"c-1:cart-abandoned:1\"}".getBytes(StandardCharsets.UTF_8);

    assertEquals(
        "t=1700000000,v1=15fa292c5b5693987909d68a8a5bd1e973e61f5d3bd92764317aa848b47a25e1",
        new WebhookSignature("whsec_test").header(1_700_000_000L, body));
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "200, DELIVERED", "204, DELIVERED",
      "500, RETRY", "503, RETRY", "408, RETRY", "429, RETRY",
      "400, REFUSED", "401, REFUSED", "404, REFUSED", "410, REFUSED", "302, REFUSED"})
  void fiveHundredsTimeoutsAndThrottlingAreTriedAgainOtherFailuresAreDeadLetteredAtOnce(
      int status, TriggerWebhook.Outcome outcome) {
    assertEquals(outcome, TriggerWebhook.outcomeOf(status));
  }
}
