package dev.concierge.benchmarks.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The bytes of keep-alive HTTP/1.1 requests, built once and sent many times. */
final class RequestBytes {

  private RequestBytes() {}

  static byte[] post(URI target, String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head = (head("POST", target, path)
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  /** A GET with {@code Authorization: Bearer} when a key is given. */
  static byte[] get(URI target, String path, Optional<String> bearer) {
    String authorization = bearer.map(key -> "Authorization: Bearer " + key + "\r\n").orElse("");
    return (head("GET", target, path) + authorization + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String head(String method, URI target, String path) {
    return method + " " + path + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort() + "\r\n";
  }
}
