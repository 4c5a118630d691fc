package dev.flightplan.cli;

import dev.flightplan.sandbox.SandboxServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The working directory a reader of the docs runs their commands in, made in a temporary directory:
 * it starts as a checkout would (a top-level file or directory of the repository a command names is
 * copied in when first named) plus {@code testflight/} as docs/ci.md sets it up (the example file
 * and its password file). A flightplan command line is run in-process with its paths moved into
 * this directory (the JVM's working directory stays the repository), the embedded sandbox's state
 * kept here, and, unless it says {@code --sandbox}, the test's sandbox as App Store Connect, with
 * credentials in the environment as the docs tell users to set them.
 */
final class DocWorkspace {
  private static final Set<String> NOT_COPIED = Set.of("target", ".git", ".flightplan");

  private final Path root;
  private final SandboxServer sandbox;
  private final Map<String, String> env;

  DocWorkspace(Path root, SandboxServer sandbox, Map<String, String> env) throws IOException {
    this.root = root;
    this.sandbox = sandbox;
    this.env = Map.copyOf(env);
    SandboxTest.example(Files.createDirectories(root.resolve("testflight")));
  }

  /**
   * The arguments of flightplan in a command's words (after {@code NAME=value} prefixes), or empty
   * when it runs something else.
   */
  static Optional<List<String>> flightplanArgs(List<String> words) {
    int i = 0;
    while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      i++;
    }
    if (i < words.size() && name(words.get(i)).equals("flightplan")) {
      return Optional.of(words.subList(i + 1, words.size()));
    }
    if (i < words.size() && words.get(i).equals("java")) {
      int jar = words.indexOf("-jar");
      if (jar > i && jar + 1 < words.size() && name(words.get(jar + 1)).equals("flightplan.jar")) {
        return Optional.of(words.subList(jar + 2, words.size()));
      }
    }
    return Optional.empty();
  }

  private static String name(String word) {
    return word.substring(word.lastIndexOf('/') + 1);
  }

  /**
   * Runs flightplan with {@code args} as documented, from this directory; {@code stdin} null for
   * none.
   */
  CliRunner.Result run(List<String> args, String stdin) {
    CliRunner runner = CliRunner.against(sandbox);
    env.forEach(runner::env);
    return runner.stdin(stdin == null ? "" : stdin).run(arguments(args).toArray(String[]::new));
  }

  /**
   * {@code args} with every path option and operand moved into this directory, and the endpoint and
   * state added.
   */
  List<String> arguments(List<String> args) {
    List<String> all = new ArrayList<>(args);
    CommandLine cmd = Main.commandLine(quiet(), args.toArray(String[]::new));
    CommandLine sub = args.isEmpty() ? null : cmd.getSubcommands().get(args.get(0));
    if (sub == null) {
      return all;
    }
    CommandSpec spec = sub.getCommandSpec();
    for (int i = 1; i < all.size(); i++) {
      String a = all.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      OptionSpec option = a.startsWith("-") && a.length() > 1 ? spec.findOption(name) : null;
      if (option == null) {
        boolean operand =
            !a.startsWith("-")
                && spec.positionalParameters().stream().anyMatch(p -> isPath(p.type()));
        all.set(i, operand ? path(a) : a);
      } else if (isPath(option.type())) {
        if (a.contains("=")) {
          all.set(i, name + "=" + path(a.substring(name.length() + 1)));
        } else if (i + 1 < all.size()) {
          all.set(i + 1, path(all.get(++i)));
        }
      } else if (!a.contains("=") && option.arity().max() > 0) {
        i++;
      }
    }
    boolean sandboxed = all.contains("--sandbox");
    if (sandboxed
        && spec.findOption("--sandbox-state") != null
        && !all.contains("--sandbox-state")) {
      all.addAll(List.of("--sandbox-state", root.resolve(".flightplan/sandbox.json").toString()));
    }
    if (!sandboxed && spec.findOption("--api-url") != null && !all.contains("--api-url")) {
      all.addAll(List.of("--api-url", sandbox.baseUri().toString()));
    }
    if (!sandboxed
        && spec.findOption("--invitation-log") != null
        && !all.contains("--invitation-log")) {
      all.addAll(
          List.of("--invitation-log", root.resolve(".flightplan/invitations.json").toString()));
    }
    return all;
  }

  private static boolean isPath(Class<?> type) {
    return type == Path.class || type == File.class;
  }

  /**
   * Where a path a command names is, from this directory ("-", standard input or output, stays).
   */
  String path(String given) {
    if (given.equals("-")) {
      return given;
    }
    Path p = Path.of(given);
    Path inside = root.resolve(p.isAbsolute() ? p.getRoot().relativize(p) : p).normalize();
    if (!p.isAbsolute() && p.getNameCount() > 0) {
      Path top = p.getName(0);
      if (!NOT_COPIED.contains(top.toString())
          && Files.exists(top)
          && !Files.exists(root.resolve(top))) {
        copy(top, root.resolve(top));
      }
    }
    return inside.toString();
  }

  Path root() {
    return root;
  }

  private static void copy(Path from, Path to) {
    try {
      dev.flightplan.testing.TestFiles.copyTree(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An environment for parsing command lines, whose output goes nowhere. */
  static Environment quiet() {
    return new Environment(
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        Map.of(),
        new java.io.ByteArrayInputStream(new byte[0]),
        false);
  }
}
