package dev.flightplan.cli;

import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.CredentialsException;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.pull.Pulled;
import dev.flightplan.pull.Puller;
import dev.flightplan.render.PullTextView;
import dev.flightplan.render.Style;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code flightplan pull}: writes what App Store Connect has as a desired-state file (and CSV
 * tester lists), which plans with no changes. Changes nothing in App Store Connect.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    description =
        "Write what App Store Connect has as a desired-state file; planning it right away shows no changes.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flightplan pull --sandbox --app com.example.weather -o testflight.yaml",
      "  flightplan pull --app com.example.weather > testflight.yaml",
      "  flightplan pull -o testflight.yaml --testers-csv testers.csv   # all apps"
    })
final class PullCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @HelpSection(HelpSection.Heading.INPUT)
  @Option(
      names = "--app",
      paramLabel = "BUNDLE_ID",
      description = "Pull this app (repeatable). Without it: every app the API key can see.")
  List<String> apps = new ArrayList<>();

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the file here (default: standard output). An existing file is replaced.")
  Path out;

  @HelpSection(HelpSection.Heading.OUTPUT)
  @Option(
      names = "--testers-csv",
      paramLabel = "FILE",
      description =
          "Put the testers in this CSV file (email,first_name,last_name,groups), which the YAML includes; with several apps, "
              + "one file each, named FILE with the bundle id inserted (testers-com.example.app.csv).")
  Path testersCsv;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws CredentialsException, IOException {
    Environment env = Views.env(root.env, output);
    Style style = Views.style(env, output);
    try (Connection conn = Connection.open(connection, env)) {
      Puller.Request request = new Puller.Request(apps, source(), out, testersCsv);
      Pulled pulled = new Puller(conn.client()).pull(request);
      Views.showDiagnostics(pulled.diagnostics(), env, style);
      if (pulled.diagnostics().hasErrors()) {
        return ExitCodes.ERROR;
      }
      Puller.write(pulled, out);
      Diagnostics check = Puller.check(pulled);
      Views.showDiagnostics(check, env, style);
      if (check.hasErrors()) {
        return ExitCodes.ERROR;
      }
      if (out == null) {
        env.out().print(pulled.yaml());
        env.out().flush();
      }
      String plan =
          "flightplan plan"
              + connection.endpointArgs()
              + " -f "
              + (out == null ? "FILE" : out)
              + " --detailed-exitcode";
      new PullTextView(out == null ? env.err() : env.out(), style).render(pulled, out, plan);
      return ExitCodes.OK;
    }
  }

  /** Where the state comes from, for the file's header: an endpoint, never a credential. */
  private String source() {
    if (connection.sandbox) {
      return "the flightplan sandbox (" + connection.sandboxState + ")";
    }
    return connection.apiUrl != null ? connection.apiUrl : ClientOptions.APPLE.toString();
  }
}
