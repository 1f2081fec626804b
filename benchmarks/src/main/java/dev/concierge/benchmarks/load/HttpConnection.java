package dev.concierge.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends prepared requests and reads each answer whole. The
 * load generator needs nothing more, and a general client (its pools, futures and per-request
 * objects) would cost the 2 shared cores more than the server it measures.
 */
final class HttpConnection implements AutoCloseable {

  private static final int READ_BUFFER = 64 * 1024;
  private static final int MAX_HEADER_LINE = 8 * 1024;
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] line = new byte[MAX_HEADER_LINE];
  private byte[] body = new byte[READ_BUFFER];
  private int bodyLength;
  private boolean reusable = true;
  private int status;

  HttpConnection(URI target, int timeoutMillis) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(timeoutMillis);
    socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), timeoutMillis);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), READ_BUFFER);
  }

  /**
   * Sends one request (its head and body, prepared once), reads the answer whole into a buffer this
   * connection reuses, and returns its status code.
   */
  int exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    readBody(readHead());
    return status;
  }

  /** Sends one request and returns the answer's body as text; {@link #status()} is its status code. */
  String exchangeForText(byte[] request) throws IOException {
    exchange(request);
    return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
  }

  int status() {
    return status;
  }

  /** Whether the last answer's body holds these bytes, e.g. {@code "fallback":true}. */
  boolean bodyContains(byte[] marker) {
    outer:
    for (int start = 0; start <= bodyLength - marker.length; start++) {
      for (int i = 0; i < marker.length; i++) {
        if (body[start + i] != marker[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Reads the status line and the headers; returns the body's length. */
  private long readHead() throws IOException {
    status = parseStatus(readLine());
    long contentLength = -1;
    boolean close = false;
    for (int length = readLineInto(); length > 0; length = readLineInto()) {
      String header = new String(line, 0, length, StandardCharsets.ISO_8859_1);
      int colon = header.indexOf(':');
      String name = colon < 0 ? header : header.substring(0, colon).trim();
      String value = colon < 0 ? "" : header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        throw new IOException("chunked answers are not supported by the load generator: " + header);
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      }
    }
    if (contentLength < 0) {
      throw new IOException("the answer has no Content-Length (status " + status + ")");
    }
    reusable = !close;
    return contentLength;
  }

  private String readLine() throws IOException {
    int length = readLineInto();
    return new String(line, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Reads one header line into {@link #line} and returns its length, without the CRLF. */
  private int readLineInto() throws IOException {
    int length = 0;
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b != '\r') {
        if (length == line.length) {
          throw new IOException("a header line longer than " + MAX_HEADER_LINE + " bytes");
        }
        line[length++] = (byte) b;
      }
    }
    return length;
  }

  private static int parseStatus(String statusLine) throws IOException {
    // "HTTP/1.1 200 OK"
    int space = statusLine.indexOf(' ');
    if (!statusLine.startsWith("HTTP/1.") || space < 0 || statusLine.length() < space + 4) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    return Integer.parseInt(statusLine.substring(space + 1, space + 4));
  }

  private void readBody(long length) throws IOException {
    if (length > MAX_BODY) {
      throw new IOException("an answer of " + length + " bytes, more than the load generator reads (" + MAX_BODY + ")");
    }
    if (body.length < length) {
      body = new byte[(int) length];
    }
    bodyLength = in.readNBytes(body, 0, (int) length);
    if (bodyLength < length) {
      throw new IOException("the server closed the connection " + (length - bodyLength) + " bytes before the end of the body");
    }
  }

  /** False once the server said it closes the connection after its answer. */
  boolean reusable() {
    return reusable;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the connection is dropped either way
    }
  }
}
