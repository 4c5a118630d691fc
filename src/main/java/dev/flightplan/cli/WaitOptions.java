package dev.flightplan.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code apply --wait}: waiting for the builds the file gives until App Store Connect takes them.
 */
final class WaitOptions {
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @HelpSection(HelpSection.Heading.SAFETY)
  @Option(
      names = "--wait",
      description =
          "When a build the file gives is still processing, in beta review, or not listed yet (just"
              + " uploaded), apply what can be applied, then wait until App Store Connect takes it (checking every --poll-interval, less often as time goes by)"
              + " and apply the file again, until no build is left to wait for or --wait-timeout passes (exit 1).")
  boolean wait;

  Duration timeout = DEFAULT_TIMEOUT;
  Duration interval = DEFAULT_INTERVAL;

  @HelpSection(HelpSection.Heading.SAFETY)
  @Option(
      names = "--wait-timeout",
      paramLabel = "DURATION",
      description = "How long --wait waits in all, e.g. 45m, 2h (default: 30m).")
  void timeout(String value) {
    timeout = parse("--wait-timeout", value);
    if (timeout.isZero()) {
      throw new ParameterException(
          mixee.commandLine(), "--wait-timeout must be more than 0, got \"" + value + "\"");
    }
  }

  @HelpSection(HelpSection.Heading.SAFETY)
  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      description =
          "How long --wait waits before it first checks the builds again, e.g. 30s, 2m (default: 30s; it"
              + " grows by half after each check that finds nothing new, up to 5m). One request per check, and one more for each build not listed yet.")
  void interval(String value) {
    interval = parse("--poll-interval", value);
    if (interval.isZero()) {
      throw new ParameterException(
          mixee.commandLine(), "--poll-interval must be more than 0, got \"" + value + "\"");
    }
  }

  private Duration parse(String option, String value) {
    return LockOptions.duration(mixee, option, value);
  }
}
