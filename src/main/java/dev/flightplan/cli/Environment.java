package dev.flightplan.cli;

import dev.flightplan.api.Sleeper;
import dev.flightplan.render.MaskedWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The world a command runs in, injected so that tests run the real CLI in-process: output and error
 * writers, environment variables, standard input (the bytes of {@code -f -}, or the line that
 * answers the apply confirmation), whether it is an interactive terminal, and the clock and sleeper
 * that retries and the verification after apply wait with (tests make waiting instant).
 */
public record Environment(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    InputStream in,
    boolean terminal,
    Clock clock,
    Sleeper sleeper) {
  public Environment {
    env = Map.copyOf(env);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The system clock, and sleeps that really sleep. */
  public Environment(
      PrintWriter out, PrintWriter err, Map<String, String> env, InputStream in, boolean terminal) {
    this(out, err, env, in, terminal, Clock.systemUTC(), Sleeper.system());
  }

  /**
   * This environment with every email address in what it prints masked, on both writers: for a CI
   * job's log, which others read.
   */
  public Environment maskingEmails() {
    return new Environment(
        new PrintWriter(new MaskedWriter(out), true),
        new PrintWriter(new MaskedWriter(err), true),
        env,
        in,
        terminal,
        clock,
        sleeper);
  }

  /**
   * Whether this runs as a step of a GitHub Actions job, whose runner reads workflow commands in
   * the output.
   */
  public boolean githubActions() {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }

  /** The root of the repository a GitHub Actions job checked out (GITHUB_WORKSPACE), if set. */
  public Optional<Path> githubWorkspace() {
    String workspace = env.get("GITHUB_WORKSPACE");
    return workspace == null || workspace.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(workspace));
  }

  /**
   * This environment with what it prints for people on standard error, standard output left to a
   * document (apply --format json).
   */
  public Environment humanOnStderr() {
    return new Environment(err, err, env, in, terminal, clock, sleeper);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean color() {
    return terminal && !env.containsKey("NO_COLOR");
  }
}
