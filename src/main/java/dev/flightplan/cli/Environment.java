package dev.flightplan.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * The world a command runs in, injected so that tests run the real CLI in-process: output and error writers,
 * environment variables, standard input (for the apply confirmation), whether it is an interactive terminal, and
 * the clock (the time a pulled file says it was pulled).
 */
public record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, BufferedReader in, boolean terminal, Clock clock) {
  public Environment {
    env = Map.copyOf(env);
    java.util.Objects.requireNonNull(clock, "clock");
  }

  /** An environment with the system clock (UTC). */
  public Environment(PrintWriter out, PrintWriter err, Map<String, String> env, BufferedReader in, boolean terminal) {
    this(out, err, env, in, terminal, Clock.systemUTC());
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean color() {
    return terminal && !env.containsKey("NO_COLOR");
  }
}
