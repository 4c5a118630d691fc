package dev.flightplan.cli;

import dev.flightplan.engine.ApplyLock;
import dev.flightplan.render.OneWriterView;
import dev.flightplan.render.Style;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * One apply at a time per state directory (a picocli mixin of apply): which directories an apply
 * locks, and how long it waits for another apply that holds them.
 */
@HelpSection(HelpSection.Heading.SAFETY)
public final class LockOptions {
  /** Long enough for an everyday apply to finish, far from a stuck one. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(s|m|h)?");

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  Duration timeout = DEFAULT_TIMEOUT;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      description =
          "How long to wait for another apply that holds this one's state directory (its invitation log's"
              + " directory; with --sandbox also the sandbox's), e.g. 30s, 10m, 1h; 0 gives up at once (default: 10m)."
              + " Nothing is changed when it gives up (exit 1).")
  void timeout(String value) {
    timeout = duration(mixee, "--lock-timeout", value);
  }

  /**
   * A duration as options take it: a number of seconds, or of s, m or h ({@code 0}, {@code 30s},
   * {@code 10m}, {@code 1h}).
   */
  static Duration duration(CommandSpec command, String option, String value) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ParameterException(
          command.commandLine(),
          option + " must be a duration such as 0, 30s, 10m or 1h, got \"" + value + "\"");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2) == null || m.group(2).equals("s")
        ? Duration.ofSeconds(n)
        : m.group(2).equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
  }

  /** How often a waiting apply says that it still waits. */
  private static final Duration WAITING_WORD = Duration.ofSeconds(10);

  /**
   * The lock of this apply's state directories, held until it ends ({@link ApplyLock}); empty,
   * after saying who holds it, when another apply still does after {@code --lock-timeout}. Nothing
   * has been read or changed then.
   */
  Optional<ApplyLock> acquire(
      ConnectionOptions connection,
      InvitationLogOptions invitationLog,
      Environment env,
      Style style)
      throws IOException {
    OneWriterView view = new OneWriterView(env.err(), style);
    java.time.Instant until = env.clock().instant().plus(timeout);
    List<Path> dirs = directories(connection, invitationLog);
    try {
      return Optional.of(
          ApplyLock.acquire(
              dirs,
              timeout,
              WAITING_WORD,
              env.clock(),
              env.sleeper(),
              h -> view.waiting(h.file().toString(), h.holder(), until)));
    } catch (ApplyLock.Busy e) {
      view.busy(e.holder().file().toString(), e.holder().holder(), timeout);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      view.interrupted(dirs.get(0).resolve(ApplyLock.FILE).toString());
      return Optional.empty();
    }
  }

  /**
   * The state directories of an apply: where its invitation log is (by default {@code
   * .flightplan/}), and with {@code --sandbox} where the sandbox keeps its state, which an apply
   * against the embedded sandbox writes too.
   */
  static List<Path> directories(ConnectionOptions connection, InvitationLogOptions log) {
    List<Path> dirs = new ArrayList<>();
    dirs.add(parent(log.file(connection)));
    if (connection.sandbox) {
      dirs.add(parent(connection.sandboxState));
    }
    return dirs;
  }

  private static Path parent(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.getParent() == null ? absolute : absolute.getParent();
  }
}
