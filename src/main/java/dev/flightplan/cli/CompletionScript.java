package dev.flightplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The shell completion scripts of the whole command tree, all made from picocli's model of it: for
 * bash as picocli writes it, for zsh the same (it runs it through zsh's bash completion, which the
 * script turns on), for fish by {@link FishCompletion}. picocli's own generator ({@code java
 * picocli.AutoComplete RootCommand}) cannot make them: it instantiates the root command itself,
 * which needs the {@link Environment} a run is given, and the subcommands are added by {@link
 * Main}; so this builds the tree the way a run does and hands it over.
 *
 * <p>{@code flightplan completion SHELL} prints one; the build writes them into the distribution
 * ({@code completion/}, pom.xml): {@code main(DIR)}.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /** The shells there is a script for. */
  enum Shell {
    BASH,
    ZSH,
    FISH;

    /** The name as people type it. */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Shell> named(String name) {
      return Arrays.stream(values())
          .filter(s -> s.label().equals(name.toLowerCase(Locale.ROOT)))
          .findFirst();
    }

    /** The names, for the completion scripts and the help. */
    static final class Names extends LowerCaseNames {
      private static final long serialVersionUID = 1L;

      Names() {
        super(values());
      }
    }
  }

  /** The completion script of {@code flightplan} for {@code shell}. */
  static String of(Shell shell) {
    CommandLine tree = tree();
    return switch (shell) {
      case BASH, ZSH -> AutoComplete.bash("flightplan", tree);
      case FISH -> FishCompletion.script("flightplan", tree);
    };
  }

  /** The bash (and zsh) completion script of {@code flightplan}. */
  public static String bash() {
    return of(Shell.BASH);
  }

  /** The whole command tree, as {@code flightplan --help} builds it, with nowhere to print to. */
  private static CommandLine tree() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return Main.commandLine(
        new Environment(nowhere, nowhere, Map.of(), InputStream.nullInputStream(), false));
  }

  /**
   * Writes {@code flightplan.bash} (for bash and zsh) and {@code flightplan.fish} into the
   * directory given.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompletionScript DIR");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    Files.writeString(dir.resolve("flightplan.bash"), of(Shell.BASH), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("flightplan.fish"), of(Shell.FISH), StandardCharsets.UTF_8);
  }
}
