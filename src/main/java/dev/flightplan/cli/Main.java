package dev.flightplan.cli;

import dev.flightplan.api.ApiException;
import dev.flightplan.api.CredentialsException;
import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.Sha256;
import dev.flightplan.render.DiagnosticsView;
import dev.flightplan.render.Style;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;

/**
 * The entry point: builds the command tree around an injected {@link Environment} and maps failures
 * to exit codes.
 */
public final class Main {
  /**
   * picocli registers a converter for each java.sql and java.time type it knows by loading and
   * initialising the class, which runs the date-time formatters' set-up (about a tenth of a short
   * command's start, BENCHMARKS.md "Start-up"); no option of ours has such a type. A regular
   * expression per excluded class, as picocli reads the property.
   */
  private static final String CONVERTER_EXCLUDES = "java\\.sql\\..*,java\\.time\\..*";

  static {
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", CONVERTER_EXCLUDES);
    }
  }

  private final Environment env;

  public Main(Environment env) {
    this.env = env;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Environment env =
        new Environment(out, err, System.getenv(), System.in, System.console() != null);
    System.exit(new Main(env).run(args));
  }

  /** Runs one command line and returns its exit code; never calls System.exit. */
  public int run(String... args) {
    // a command that loads a file: the schema compiles on the other CPU while the command line is
    // parsed and the file read; plan and apply also take the file's SHA-256 (a saved plan's
    // reference to it)
    String first = args.length > 0 && !asksForHelp(args) ? args[0] : "";
    if (first.equals("validate")) {
      ConfigLoader.prepare(() -> {});
    } else if (first.equals("plan") || first.equals("apply")) {
      ConfigLoader.prepare(Sha256::warm);
    }
    CommandLine cmd = commandLine(env, args);
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) ->
            report(ex, matched(parseResult, "--debug"), matched(parseResult, "--mask-emails")));
    int code = cmd.execute(args);
    env.out().flush();
    env.err().flush();
    return code;
  }

  /** The standard options that print the version, and those that print help. */
  private static final Set<String> VERSION = Set.of("-V", "--version");

  private static final Set<String> HELP = Set.of("-h", "--help");

  /** Whether the command line asks for help or the version, which loads nothing. */
  private static boolean asksForHelp(String[] args) {
    // a loop, not a stream: this runs first in every command, before anything else is loaded
    for (String arg : args) {
      if (HELP.contains(arg) || VERSION.contains(arg)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The configured command tree, without running it (tests parse workflow command lines with it).
   */
  static CommandLine commandLine(Environment env) {
    return commandLine(env, new String[0]);
  }

  /**
   * The command tree {@code args} needs: the root and, when the first argument names a subcommand,
   * that one alone; otherwise (the root's help, {@code help}, a misspelt command that needs
   * suggestions) all of them. picocli reads every option annotation of every command it is given up
   * front, which was most of the time a short command such as {@code validate} took, so a command
   * line builds only what it runs ({@code --version} builds the root alone). Every subcommand
   * prints the root's {@code --version}.
   */
  static CommandLine commandLine(Environment env, String[] args) {
    RootCommand root = new RootCommand(env);
    CommandLine cmd = new CommandLine(root);
    String first = args.length == 0 ? "" : args[0];
    boolean versionOnly = args.length == 1 && VERSION.contains(first);
    boolean all = !RootCommand.SUBCOMMANDS.containsKey(first) || first.equals(RootCommand.HELP);
    RootCommand.SUBCOMMANDS.forEach(
        (name, command) -> {
          if (!versionOnly && (all || name.equals(first))) {
            cmd.addSubcommand(name, command.get());
          }
        });
    CommandLine.IVersionProvider version = cmd.getCommandSpec().versionProvider();
    cmd.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
    if (cmd.getSubcommands().containsKey(RootCommand.HELP)) {
      RootCommand.describeHelp(
          cmd.getSubcommands().get(RootCommand.HELP).getCommandSpec().usageMessage());
    }
    HelpLayout.apply(cmd, env);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(env.out());
    cmd.setErr(env.err());
    cmd.setParameterExceptionHandler(Main::usageError);
    return cmd;
  }

  /**
   * A bad command line: the mistake, picocli's suggestion for a misspelt command or option, and
   * where the options are described, instead of picocli's default of the whole help text, which
   * buries the one line that matters.
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = ex.getMessage();
    // picocli starts some messages (options that exclude each other) with its own "Error: "
    // and echo what was typed: escaped, as every error line is
    new DiagnosticsView(err, Style.PLAIN)
        .error(message.startsWith("Error: ") ? message.substring("Error: ".length()) : message);
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static boolean matched(CommandLine.ParseResult parseResult, String option) {
    return parseResult.hasMatchedOption(option)
        || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption(option));
  }

  private int report(Exception ex, boolean debug, boolean maskEmails) {
    Environment env = maskEmails ? this.env.maskingEmails() : this.env;
    if (ex instanceof java.io.UncheckedIOException u) {
      ex = u.getCause();
    }
    // messages can echo what the server or a file said: the view escapes them, as every view
    // escapes what it prints
    DiagnosticsView view = new DiagnosticsView(env.err(), Style.PLAIN);
    if (ex instanceof ApiException
        || ex instanceof CredentialsException
        || ex instanceof java.io.IOException) {
      // a failure the message explains in full: its stack trace would only bury it, even with
      // --debug
      view.error(ex.getMessage());
    } else {
      view.error("internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
      if (debug) {
        ex.printStackTrace(env.err());
      }
    }
    env.err().flush();
    return ExitCodes.ERROR;
  }
}
