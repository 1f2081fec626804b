package dev.concierge.offline.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a byte stream, without decoding them: each line is a slice of a reused buffer
 * ({@link #buffer()}, {@link #start()}, {@link #length()}) valid until the next {@link #next()}.
 * Lines end with {@code \n} or {@code \r\n}. A line longer than {@code maxLineBytes} is skipped to its
 * end and reported as {@link #tooLong()}, so a file that is not JSON lines (one huge JSON array, a
 * binary file) cannot exhaust the heap. Replay reads history files with it, import CSV files.
 */
public final class LineReader implements Closeable {

  private static final int INITIAL_BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final int maxLineBytes;
  private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
  private int dataEnd;
  private int lineStart;
  private int lineEnd;
  private int nextStart;
  private long number;
  private boolean tooLong;
  private boolean endOfInput;

  public LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Moves to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    lineStart = nextStart;
    tooLong = false;
    int scanFrom = lineStart;
    while (true) {
      int newline = indexOfNewline(scanFrom);
      if (newline >= 0) {
        return line(newline, newline + 1);
      }
      if (endOfInput) {
        return (lineStart < dataEnd || tooLong) && line(dataEnd, dataEnd);
      }
      makeRoom();
      // everything from lineStart to dataEnd has been searched already
      scanFrom = dataEnd;
      fill();
    }
  }

  public byte[] buffer() {
    return buffer;
  }

  public int start() {
    return lineStart;
  }

  public int length() {
    return lineEnd - lineStart;
  }

  /** The 1-based line number in the input. */
  public long number() {
    return number;
  }

  /** True when the line was longer than the limit; its content is then dropped. */
  public boolean tooLong() {
    return tooLong;
  }

  public boolean isBlank() {
    for (int i = lineStart; i < lineEnd; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean line(int end, int next) {
    lineEnd = end > lineStart && buffer[end - 1] == '\r' ? end - 1 : end;
    nextStart = next;
    number++;
    return true;
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < dataEnd; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Frees space after the data: drops consumed lines, grows the buffer, or drops an overlong line. */
  private void makeRoom() {
    if (lineStart > 0) {
      System.arraycopy(buffer, lineStart, buffer, 0, dataEnd - lineStart);
      dataEnd -= lineStart;
      lineStart = 0;
    }
    if (dataEnd < buffer.length) {
      return;
    }
    if (buffer.length < maxLineBytes) {
      byte[] larger = new byte[Math.min(buffer.length * 2, maxLineBytes)];
      System.arraycopy(buffer, 0, larger, 0, dataEnd);
      buffer = larger;
    } else {
      // keep scanning for the end of the line, but not its content
      tooLong = true;
      dataEnd = 0;
    }
  }

  private void fill() throws IOException {
    int read = in.read(buffer, dataEnd, buffer.length - dataEnd);
    if (read < 0) {
      endOfInput = true;
    } else {
      dataEnd += read;
    }
  }
}
