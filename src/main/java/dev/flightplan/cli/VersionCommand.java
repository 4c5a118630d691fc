package dev.flightplan.cli;

import dev.flightplan.render.VersionView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code flightplan version}: the version and commit of this build, and the Java it runs on; as
 * JSON with --json.
 */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description =
        "Show the version of flightplan, the git commit it was built from, and the Java it runs on.",
    footerHeading = "%nExamples:%n",
    footer = {"  flightplan version", "  flightplan version --json"})
final class VersionCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = "--json",
      description = "Print it as a JSON object (version, commit, dirty, java, platform).")
  boolean json;

  @Override
  public Integer call() {
    BuildInfo build = BuildInfo.current();
    VersionView view = new VersionView(root.env.out());
    if (json) {
      view.json(
          build.version(), build.commit(), build.dirty(), Runtime.version().toString(), platform());
    } else {
      view.text(build.version(), build.shortCommit(), Runtime.version().toString(), platform());
    }
    return ExitCodes.OK;
  }

  static String platform() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
