package dev.flightplan.cli;

import dev.flightplan.render.VersionView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flightplan}: the root of the command tree. Its subcommands are listed in {@link
 * #SUBCOMMANDS} rather than in the annotation, so that {@link Main} builds only the one a command
 * line runs (see there why).
 */
@Command(
    name = "flightplan",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.Version.class,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeOnExecutionException = ExitCodes.ERROR,
    description = {
      "TestFlight as code: plan and apply App Store Connect TestFlight settings described in YAML.",
      "",
      "Credentials: ASC_KEY_ID, ASC_ISSUER_ID, and ASC_PRIVATE_KEY (PEM text) or ASC_PRIVATE_KEY_PATH (.p8)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success, and no changes",
      "1:error",
      "2:changes present (only with plan --detailed-exitcode)",
      "64:usage error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flightplan plan --sandbox -f examples/testflight.yaml",
      "  flightplan apply -f testflight.yaml",
      "  flightplan help plan"
    })
public final class RootCommand implements Runnable {
  /** The subcommands by name, in the order the help lists them. */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  /**
   * picocli's {@code help [COMMAND]}, which needs the whole tree to find the command it is asked
   * about.
   */
  static final String HELP = "help";

  final Environment env;
  @Spec CommandSpec spec;

  RootCommand(Environment env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(env.out());
  }

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("validate", ValidateCommand::new);
    all.put("plan", PlanCommand::new);
    all.put("apply", ApplyCommand::new);
    all.put("show", ShowCommand::new);
    all.put("pull", PullCommand::new);
    all.put("sandbox", SandboxCommand::new);
    all.put("version", VersionCommand::new);
    all.put("completion", CompletionCommand::new);
    all.put(HELP, CommandLine.HelpCommand::new);
    return java.util.Collections.unmodifiableMap(all);
  }

  /** picocli's help command, laid out as the other commands are, with their examples. */
  static void describeHelp(UsageMessageSpec usage) {
    usage
        .header(new String[0])
        .synopsisHeading("Usage: ")
        .description(
            "Show the help of flightplan, or of the command named (as COMMAND --help does).")
        .footerHeading("%nExamples:%n")
        .footer("  flightplan help", "  flightplan help plan");
  }

  /** {@code --version}: the version, the commit it was built from, and the Java it runs on. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo build = BuildInfo.current();
      return new String[] {
        VersionView.line(build.version(), build.shortCommit()),
        "Java " + Runtime.version() + " on " + VersionCommand.platform()
      };
    }
  }

  /** The version saved plans record (apply refuses a plan made by another version). */
  static String version() {
    return BuildInfo.current().version();
  }
}
