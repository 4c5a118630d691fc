package dev.flightplan.engine;

import dev.flightplan.api.Sleeper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The lock an apply holds on its state directories for as long as it runs, so that two applies on
 * one machine that share them never write at once: an operating-system lock ({@link
 * FileChannel#tryLock()}) on {@value #FILE} in each directory. The operating system drops it when
 * the process ends, however it ends ({@code kill -9} included), so a lock file left behind never
 * blocks anyone; the file only says who took the lock last, for the messages.
 *
 * <p>Within one JVM (tests run several applies in one) the lock is also kept in a table, checked
 * first: the JVM refuses a second lock of the file, and a second channel must not even be opened on
 * it, since closing that channel would drop the first one's lock on Linux.
 */
public final class ApplyLock implements AutoCloseable {
  /** The lock file's name in a state directory. */
  public static final String FILE = "apply.lock";

  /** How often a waiting apply tries again. */
  static final Duration POLL = Duration.ofMillis(200);

  /** Lock files held by this JVM (real paths), with who holds them. */
  private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

  private final List<Held> held;

  private record Held(Path file, FileChannel channel, FileLock lock) {}

  /** Another apply holds {@code file}: {@code holder} says who, as far as its lock file tells. */
  public record Holder(Path file, String holder) {}

  /** The lock could not be had in time. */
  public static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Holder holder;

    Busy(Holder holder) {
      super(
          "another apply holds " + holder.file() + " (" + holder.holder() + ")",
          null,
          false,
          false);
      this.holder = holder;
    }

    public Holder holder() {
      return holder;
    }
  }

  private ApplyLock(List<Held> held) {
    this.held = List.copyOf(held);
  }

  /**
   * Locks {@value #FILE} in each of {@code directories} (created when missing), in path order so
   * that two applies never wait for each other crosswise. While another apply holds one, {@code
   * waiting} is told (once at first, then every {@code every}) and the lock is tried again every
   * {@link #POLL} until {@code timeout} has passed by {@code clock}; then {@link Busy}, holding
   * nothing.
   */
  public static ApplyLock acquire(
      Collection<Path> directories,
      Duration timeout,
      Duration every,
      Clock clock,
      Sleeper sleeper,
      Consumer<Holder> waiting)
      throws Busy, IOException, InterruptedException {
    TreeSet<Path> files = new TreeSet<>();
    for (Path dir : directories) {
      Files.createDirectories(dir);
      files.add(dir.toRealPath().resolve(FILE));
    }
    String me =
        "pid "
            + ProcessHandle.current().pid()
            + ", since "
            + clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant deadline = clock.instant().plus(timeout);
    Instant nextWord = clock.instant();
    List<Held> held = new ArrayList<>();
    try {
      for (Path file : files) {
        while (true) {
          Attempt attempt = tryLock(file, me);
          if (attempt.held() != null) {
            held.add(attempt.held());
            break;
          }
          Holder holder = new Holder(file, attempt.holder());
          Instant now = clock.instant();
          if (!now.isBefore(deadline)) {
            throw new Busy(holder);
          }
          if (!now.isBefore(nextWord)) {
            waiting.accept(holder);
            nextWord = now.plus(every);
          }
          sleeper.sleep(POLL);
        }
      }
    } catch (Busy | IOException | InterruptedException | RuntimeException e) {
      new ApplyLock(held).close();
      throw e;
    }
    return new ApplyLock(held);
  }

  /** A try: the lock, or else who holds it. */
  private record Attempt(Held held, String holder) {}

  /**
   * The lock of {@code file}, saying {@code me} in it; or who holds it when another apply (of this
   * JVM or another) does. The file is read through the same channel, while this JVM's table marks
   * it: no other channel of this JVM has it open then, so closing ours drops no lock of this JVM.
   */
  private static Attempt tryLock(Path file, String me) throws IOException {
    String inJvm = HELD.putIfAbsent(file, me);
    if (inJvm != null) {
      return new Attempt(null, "flightplan apply, " + inJvm);
    }
    FileChannel channel = null;
    boolean locked = false;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return new Attempt(null, holder(channel));
      }
      locked = true;
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(("flightplan apply, " + me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new Attempt(new Held(file, channel, lock), null);
    } catch (IOException e) {
      throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
    } finally {
      if (!locked) {
        if (channel != null) {
          channel.close();
        }
        HELD.remove(file);
      }
    }
  }

  /** What the holder wrote in the lock file. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(200);
      channel.read(buffer, 0);
      String text =
          new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "a process that left no word" : text;
    } catch (IOException e) {
      return "a process that left no word";
    }
  }

  /**
   * Releases every lock (the files stay: removing them could let a third apply lock a new file
   * beside a held one).
   */
  @Override
  public void close() throws IOException {
    IOException failed = null;
    for (Held h : held) {
      try {
        h.lock().release();
        h.channel().close();
      } catch (IOException e) {
        failed = e;
      } finally {
        HELD.remove(h.file());
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
