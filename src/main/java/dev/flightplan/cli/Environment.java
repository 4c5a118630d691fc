package dev.flightplan.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The world a command runs in, injected so that tests run the real CLI in-process: output and error writers,
 * environment variables, standard input (for the apply confirmation) and whether it is an interactive terminal.
 */
public record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, BufferedReader in, boolean terminal) {
  public Environment {
    env = Map.copyOf(env);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean color() {
    return terminal && !env.containsKey("NO_COLOR");
  }
}
