package dev.flightplan.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;

/**
 * The shell completion script of the whole command tree, as picocli writes it: for bash, and for zsh through zsh's
 * bash completion. picocli's own generator ({@code java picocli.AutoComplete RootCommand}) cannot make it: it
 * instantiates the root command itself, which needs the {@link Environment} a run is given, and the subcommands are
 * added by {@link Main}; so this builds the tree the way a run does and hands it to picocli.
 *
 * <p>The build writes it into the distribution ({@code completion/flightplan.bash}, pom.xml): {@code main(FILE)}.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /** The bash (and zsh) completion script of {@code flightplan}. */
  public static String bash() {
    Environment quiet = new Environment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
        new BufferedReader(new StringReader("")), false);
    return AutoComplete.bash("flightplan", Main.commandLine(quiet));
  }

  /** Writes the script to the file given. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompletionScript FILE");
    }
    Path file = Path.of(args[0]);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, bash(), StandardCharsets.UTF_8);
  }
}
