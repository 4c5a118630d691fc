package dev.flightplan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code flightplan}: the command tree. */
@Command(
    name = "flightplan",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.Version.class,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeOnExecutionException = ExitCodes.ERROR,
    description = "TestFlight as code: plan and apply App Store Connect TestFlight settings described in YAML.",
    subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, PullCommand.class, SandboxCommand.class},
    footer = {
      "",
      "Exit codes: 0 success (no changes), 1 error, 2 changes present (plan --detailed-exitcode), 64 usage error.",
      "Credentials: ASC_KEY_ID, ASC_ISSUER_ID, and ASC_PRIVATE_KEY (PEM text) or ASC_PRIVATE_KEY_PATH (.p8)."
    })
public final class RootCommand implements Runnable {
  final Environment env;

  RootCommand(Environment env) {
    this.env = env;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(env.out());
  }

  /** The version from the jar's manifest, or "dev" when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"flightplan " + version()};
    }
  }

  static String version() {
    String v = RootCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
