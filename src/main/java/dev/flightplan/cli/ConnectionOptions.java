package dev.flightplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by every command that talks to App Store Connect (a picocli mixin). */
@HelpSection(HelpSection.Heading.CONNECTION)
public final class ConnectionOptions {
  boolean sandbox;

  @Option(
      names = "--sandbox",
      description =
          "Run against the embedded App Store Connect sandbox instead of Apple (not with --api-url).")
  void sandbox(boolean on) {
    if (on && apiUrl != null) {
      throw bothEndpoints();
    }
    sandbox = on;
  }

  @Option(
      names = "--sandbox-state",
      paramLabel = "FILE",
      description = "Where the embedded sandbox keeps its state (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_SANDBOX_STATE)
  Path sandboxState;

  private static final String DEFAULT_SANDBOX_STATE = ".flightplan/sandbox.json";

  String apiUrl;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "App Store Connect API endpoint (default: https://api.appstoreconnect.apple.com). Must be https unless it is a loopback address. Not with --sandbox.")
  void apiUrl(String url) {
    if (url != null && sandbox) {
      throw bothEndpoints();
    }
    apiUrl = url;
  }

  /**
   * Two endpoints: which one was meant cannot be guessed, and guessing could write to the wrong App
   * Store Connect.
   */
  private ParameterException bothEndpoints() {
    return usage(
        "--sandbox and --api-url cannot be used together: --sandbox runs against the embedded sandbox, --api-url"
            + " against the endpoint it names; pass only one");
  }

  @Option(names = "--key-id", paramLabel = "ID", description = "API key id (overrides ASC_KEY_ID).")
  String keyId;

  @Option(
      names = "--issuer-id",
      paramLabel = "ID",
      description = "Issuer id (overrides ASC_ISSUER_ID).")
  String issuerId;

  @Option(
      names = "--private-key-path",
      paramLabel = "FILE",
      description = "The .p8 private key (overrides ASC_PRIVATE_KEY_PATH and ASC_PRIVATE_KEY).")
  Path privateKeyPath;

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = "--debug",
      description =
          "Log every request, retry and read-back, and show stack traces of internal errors.")
  boolean debug;

  @HelpSection(HelpSection.Heading.SAFETY)
  @Option(
      names = "--read-only",
      description =
          "Refuse every request that would change App Store Connect (plan works; apply fails at its first write, having sent none).")
  boolean readOnly;

  int retries;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description =
          "How often a failed request is repeated when that is safe (429, 5xx, lost connections), with backoff and jitter (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  void retries(int n) {
    if (n < 0) {
      throw usage("--retries must be 0 or more, got " + n);
    }
    retries = n;
  }

  @Option(
      names = "--sandbox-faults",
      paramLabel = "SPEC",
      description =
          "With --sandbox: faults the embedded sandbox injects, e.g. seed=7,5xx=0.1,429=0.05 (see flightplan sandbox --help).")
  String sandboxFaults;

  /**
   * The options that chose the endpoint, for a command the user is told to run next against the
   * same App Store Connect: {@code --sandbox} (with its state file when not the default) or {@code
   * --api-url}; never a credential.
   */
  String endpointArgs() {
    if (sandbox) {
      return " --sandbox"
          + (sandboxState.equals(Path.of(DEFAULT_SANDBOX_STATE))
              ? ""
              : " --sandbox-state " + sandboxState);
    }
    return apiUrl == null ? "" : " --api-url " + apiUrl;
  }

  /**
   * Apple reports 429s under bursts of parallel requests well below the hourly limit; 4 stays clear
   * of that.
   */
  static final int DEFAULT_PARALLELISM = 4;

  /** The client's connection pool holds 16 connections; more requests at once would only queue. */
  static final int MAX_PARALLELISM = 16;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  int parallelism = DEFAULT_PARALLELISM;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description =
          "Requests in flight at once, for reading and for applying (1-"
              + MAX_PARALLELISM
              + ", default: "
              + DEFAULT_PARALLELISM
              + "). Calls that depend on each other still wait for one another.")
  void parallelism(int n) {
    if (n < 1 || n > MAX_PARALLELISM) {
      throw usage("--parallelism must be between 1 and " + MAX_PARALLELISM + ", got " + n);
    }
    parallelism = n;
  }

  /** A mistake on the command line: exit 64, with the command's help named. */
  ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
