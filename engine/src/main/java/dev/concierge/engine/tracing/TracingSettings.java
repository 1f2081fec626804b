package dev.concierge.engine.tracing;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Whether and where the node sends its spans, read from {@code concierge.tracing}.
 *
 * @param endpoint      the OTLP collector's base URL: {@code http://host:4318} for HTTP, {@code http://host:4317}
 *     for gRPC
 * @param samplerRatio  the share of new traces kept; a request that arrives with a {@code traceparent}
 *     follows its caller's choice
 * @param scheduleDelay how long finished spans gather before they are exported in one batch
 * @param exportTimeout how long one export may take before it is given up
 */
public record TracingSettings(
    boolean enabled,
    String endpoint,
    Protocol protocol,
    String serviceName,
    double samplerRatio,
    Duration scheduleDelay,
    Duration exportTimeout) {

  /** OTLP's two transports, by the names of {@code OTEL_EXPORTER_OTLP_PROTOCOL}. */
  public enum Protocol {
    HTTP_PROTOBUF("http/protobuf"),
    GRPC("grpc");

    private final String configName;

    Protocol(String configName) {
      this.configName = configName;
    }

    static Protocol named(String name) {
      for (Protocol protocol : values()) {
        if (protocol.configName.equals(name)) {
          return protocol;
        }
      }
      throw new IllegalArgumentException("concierge.tracing.protocol must be http/protobuf or grpc, not " + name);
    }
  }

  public TracingSettings {
    if (samplerRatio < 0 || samplerRatio > 1) {
      throw new IllegalArgumentException("concierge.tracing.sampler-ratio must be from 0 to 1, not " + samplerRatio);
    }
  }

  /** @param tracing {@code concierge.tracing} */
  public static TracingSettings fromConfig(Config tracing) {
    return new TracingSettings(
        tracing.getBoolean("enabled"),
        tracing.getString("endpoint"),
        Protocol.named(tracing.getString("protocol")),
        tracing.getString("service-name"),
        tracing.getDouble("sampler-ratio"),
        tracing.getDuration("schedule-delay"),
        tracing.getDuration("export-timeout"));
  }
}
