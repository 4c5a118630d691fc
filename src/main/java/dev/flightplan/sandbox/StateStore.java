package dev.flightplan.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the state in a JSON snapshot ({@code FILE}) and a journal beside it ({@code FILE.journal}),
 * so that persisting a write costs the rows it changed, not the whole state. Each write appends one
 * line, {@code {"seq":N, "changes":[...]}} (see {@link Changes}), handed to the operating system
 * before the answer leaves: an acknowledged write survives the process being killed (not a power
 * cut: the journal is not synced line by line). Compaction folds the journal into the snapshot when
 * it grows past {@link #COMPACT_MULTIPLE} snapshots (and {@link #COMPACT_MIN_BYTES}), when the
 * sandbox starts with a journal and when it closes: the snapshot, which says the number of the last
 * entry it holds, is written to a temporary file, synced, moved over the old one atomically, and
 * only then is the journal emptied. Loading replays the entries after the snapshot's number; a last
 * line cut short (the process killed mid-write) is dropped, any other bad line refuses to load. The
 * journal is locked while open, so one process at a time uses a state. Used under the state lock.
 */
final class StateStore {
  /** The journal is folded into the snapshot once it is larger than this many snapshots ... */
  static final int COMPACT_MULTIPLE = 2;

  /** ... and larger than this. */
  static final long COMPACT_MIN_BYTES = 4L << 20;

  /**
   * For tests of a kill during compaction: the system property naming the step where compaction
   * stops for good, {@code before-rename} (the new snapshot written, not yet in place) or {@code
   * before-truncate} (in place, the journal not yet emptied). It says so on standard error first.
   */
  static final String PAUSE_PROPERTY = "flightplan.sandbox.pauseCompaction";

  private final Path file;
  private final Path journalFile;
  private final ObjectMapper mapper;
  private final String pauseAt;
  private FileChannel journal;
  private FileLock lock;

  /** The number of the last entry written. */
  private long last;

  private long journalBytes;
  private long snapshotBytes;

  StateStore(Path file, ObjectMapper mapper, String pauseAt) {
    this.file = file.toAbsolutePath();
    this.journalFile = this.file.resolveSibling(this.file.getFileName() + ".journal");
    this.mapper = mapper;
    this.pauseAt = pauseAt;
  }

  boolean exists() {
    return Files.exists(file);
  }

  /**
   * Reads the snapshot and replays the journal on it; from then on the state's changes are
   * recorded.
   */
  SandboxState load() throws IOException {
    open();
    try {
      SandboxState.Snapshot snapshot;
      try {
        snapshot = mapper.readValue(file.toFile(), SandboxState.Snapshot.class);
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot read the sandbox state " + file + ": " + e.getMessage(), e);
      }
      snapshotBytes = Files.size(file);
      SandboxState state = SandboxState.of(snapshot);
      last = snapshot.journaled();
      long good = replay(state);
      if (good < journal.size()) {
        journal.truncate(good);
      }
      journalBytes = good;
      if (journalBytes > 0) {
        compact(state);
      }
      state.changes().start();
      return state;
    } catch (Throwable e) {
      unlock(e);
      throw e;
    }
  }

  /**
   * Starts a new state file with {@code state} (a seeded one); from then on its changes are
   * recorded.
   */
  void create(SandboxState state) throws IOException {
    open();
    try {
      journal.truncate(0);
      compact(state);
      state.changes().start();
    } catch (Throwable e) {
      unlock(e);
      throw e;
    }
  }

  /**
   * Appends what the state's last write changed, if anything, and compacts when the journal has
   * grown enough. An I/O failure surfaces as an unchecked exception (the request then gets no
   * answer).
   */
  void commit(SandboxState state) {
    List<Changes.Change> changes = state.changes().take();
    if (changes.isEmpty()) {
      return;
    }
    try {
      ByteBuffer line = ByteBuffer.wrap(line(last + 1, changes));
      int length = line.remaining();
      try {
        while (line.hasRemaining()) {
          journal.write(line, journalBytes + length - line.remaining());
        }
      } catch (IOException e) {
        journal.truncate(journalBytes); // no half line for the next one to follow
        throw e;
      }
      last++;
      journalBytes += length;
      if (journalBytes > Math.max(COMPACT_MIN_BYTES, COMPACT_MULTIPLE * snapshotBytes)) {
        compact(state);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox state " + journalFile, e);
    }
  }

  /** Folds the journal into the snapshot, removes the journal and unlocks the state. */
  void close(SandboxState state) {
    if (journal == null) {
      return;
    }
    try {
      commit(state);
      if (journalBytes > 0) {
        compact(state);
      }
      Files.deleteIfExists(journalFile);
      lock.release();
      journal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the sandbox state " + file, e);
    } finally {
      journal = null;
    }
  }

  private void open() throws IOException {
    Files.createDirectories(file.getParent());
    journal =
        FileChannel.open(
            journalFile,
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    try {
      lock = journal.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      IOException inUse =
          new IOException("the sandbox state " + file + " is in use by another sandbox");
      unlock(inUse);
      throw inUse;
    }
    // a compaction that was cut short leaves its temporary file; nobody else can be writing one now
    try (DirectoryStream<Path> temps =
        Files.newDirectoryStream(file.getParent(), file.getFileName() + "*.tmp")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    } catch (Throwable e) {
      unlock(e);
      throw e;
    }
  }

  /**
   * After a failed open, load or create: closes the journal, which releases the lock, so that a
   * later start in this JVM (once the user has repaired the state) is not refused as if another
   * sandbox held it. A failure to close is added to {@code failure}, which the caller throws.
   */
  private void unlock(Throwable failure) {
    try {
      journal.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    } finally {
      journal = null;
      lock = null;
    }
  }

  private void compact(SandboxState state) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        java.io.OutputStream stream =
            new java.io.BufferedOutputStream(Channels.newOutputStream(out), 1 << 16);
        mapper
            .writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValue(stream, state.snapshot().journaledTo(last));
        stream.flush();
        out.force(true);
      }
      pause("before-rename");
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
      pause("before-truncate");
      snapshotBytes = Files.size(file);
      journal.truncate(0);
      journalBytes = 0;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Applies the journal's entries after the snapshot's; returns the length of the journal's good
   * part: every line that ends in a newline. Only bytes after the last newline can be a write cut
   * short by a kill (a line's newline is the last byte written), and are dropped; a whole line that
   * cannot be applied is damage, and the sandbox refuses to start rather than lose a write.
   */
  private long replay(SandboxState state) throws IOException {
    long good = 0;
    long offset = 0;
    int number = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
    journal.position(0);
    while (journal.read(chunk) > 0) {
      chunk.flip();
      while (chunk.hasRemaining()) {
        byte b = chunk.get();
        offset++;
        if (b != '\n') {
          line.write(b);
          continue;
        }
        number++;
        try {
          apply(state, line.toByteArray());
          good = offset;
        } catch (IOException | RuntimeException e) {
          throw new IOException(
              "the sandbox journal "
                  + journalFile
                  + " is damaged: line "
                  + number
                  + ": "
                  + e.getMessage(),
              e);
        }
        line.reset();
      }
      chunk.clear();
    }
    return good;
  }

  private void apply(SandboxState state, byte[] line) throws IOException {
    JsonNode entry = mapper.readTree(line);
    long seq = entry.path("seq").asLong();
    if (seq <= last) {
      return; // already in the snapshot: a compaction was cut short before it emptied the journal
    }
    if (seq != last + 1) {
      throw new IOException("entry " + seq + " follows entry " + last);
    }
    List<Changes.Change> changes = new ArrayList<>();
    for (JsonNode c : entry.path("changes")) {
      String table = c.path("table").asText();
      JsonNode row = c.get("row");
      changes.add(
          new Changes.Change(
              table,
              c.path("id").textValue(),
              row == null ? null : mapper.treeToValue(row, state.rowType(table))));
    }
    changes.forEach(state::replay);
    last = seq;
  }

  private byte[] line(long seq, List<Changes.Change> changes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * changes.size());
    try (JsonGenerator g = mapper.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("seq", seq);
      g.writeArrayFieldStart("changes");
      for (Changes.Change c : changes) {
        g.writeStartObject();
        g.writeStringField("table", c.table());
        if (c.id() != null) {
          g.writeStringField("id", c.id());
        }
        if (c.row() != null) {
          g.writeFieldName("row");
          g.writeObject(c.row());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }

  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // not every system can sync a directory; the move is atomic either way
    }
  }

  private void pause(String step) {
    if (!step.equals(pauseAt)) {
      return;
    }
    System.err.println("sandbox: compaction paused " + step);
    System.err.flush();
    Object never = new Object();
    synchronized (never) {
      while (true) {
        try {
          never.wait();
        } catch (InterruptedException e) {
          // paused for good: only a kill ends it
        }
      }
    }
  }
}
