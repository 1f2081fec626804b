package dev.concierge.offline.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A file of keyed events in sort order, written once and read once, front to back. Each event is its
 * key, customer, sequence number and the journal's own payload bytes ({@link EventCodec}), so nothing
 * but the persistence module's serializer owns the event's format.
 */
final class SortRun {

  private static final int IO_BUFFER_BYTES = 64 * 1024;

  private final Path file;
  private final long events;
  private DataInputStream in;

  private SortRun(Path file, long events) {
    this.file = file;
    this.events = events;
  }

  static SortRun write(Path file, List<KeyedEvent> sorted) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), IO_BUFFER_BYTES))) {
      for (KeyedEvent event : sorted) {
        out.writeLong(event.key().getEpochSecond());
        out.writeInt(event.key().getNano());
        out.writeUTF(event.customerId());
        out.writeLong(event.sequenceNr());
        EventCodec.Payload payload = event.payload();
        out.writeInt(payload.serializerId());
        out.writeUTF(payload.manifest());
        out.writeInt(payload.bytes().length);
        out.write(payload.bytes());
      }
    }
    return new SortRun(file, sorted.size());
  }

  /** Reads the run from its start; an error reading it is a {@link ReplaySourceException}. */
  Iterator<KeyedEvent> open() {
    try {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), IO_BUFFER_BYTES));
    } catch (IOException e) {
      throw failure(e);
    }
    return new Iterator<>() {
      private long read;

      @Override
      public boolean hasNext() {
        if (read < events) {
          return true;
        }
        closeInput();
        return false;
      }

      @Override
      public KeyedEvent next() {
        if (!hasNext()) {
          throw new NoSuchElementException(file + " has no more events");
        }
        read++;
        try {
          Instant key = Instant.ofEpochSecond(in.readLong(), in.readInt());
          String customerId = in.readUTF();
          long sequenceNr = in.readLong();
          int serializerId = in.readInt();
          String manifest = in.readUTF();
          byte[] bytes = new byte[in.readInt()];
          in.readFully(bytes);
          return new KeyedEvent(key, customerId, sequenceNr, new EventCodec.Payload(serializerId, manifest, bytes));
        } catch (EOFException e) {
          throw new ReplaySourceException(file + " ends after " + read + " of its " + events + " events", e);
        } catch (IOException e) {
          throw failure(e);
        }
      }
    };
  }

  /** Closes the run if it is being read, and deletes its file. */
  void delete() {
    try {
      closeInput();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + file + " failed", e);
    }
  }

  private void closeInput() {
    if (in == null) {
      return;
    }
    try {
      in.close();
      in = null;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private ReplaySourceException failure(IOException e) {
    return new ReplaySourceException("reading the sorted run " + file + " failed: " + e.getMessage(), e);
  }
}
