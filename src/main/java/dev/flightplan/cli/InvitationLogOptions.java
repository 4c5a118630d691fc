package dev.flightplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where {@code invitations.resendAfterDays} keeps its dates (a picocli mixin of plan and apply,
 * which use it).
 */
@HelpSection(HelpSection.Heading.INPUT)
public final class InvitationLogOptions {
  @Option(
      names = "--invitation-log",
      paramLabel = "FILE",
      description =
          "Where invitations.resendAfterDays remembers when each waiting tester was last invited (default:"
              + " .flightplan/invitations.json; with --sandbox, sandbox-invitations.json beside the sandbox's state). Read"
              + " and written only for files that set resendAfterDays.")
  Path invitationLog;

  /** The invitation log's file: as given, or the default for the API {@code connection} uses. */
  Path file(ConnectionOptions connection) {
    if (invitationLog != null) {
      return invitationLog;
    }
    if (connection.sandbox) {
      Path parent = connection.sandboxState.toAbsolutePath().getParent();
      return parent == null
          ? Path.of("sandbox-invitations.json")
          : parent.resolve("sandbox-invitations.json");
    }
    return Path.of(".flightplan", "invitations.json");
  }
}
