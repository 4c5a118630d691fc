package dev.flightplan.pull;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.config.AppSpec;
import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.LoadResult;
import dev.flightplan.config.RegularFiles;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveState;
import dev.flightplan.state.ReadScope;
import dev.flightplan.state.StateReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code pull} use case: reads everything flightplan manages of some apps (or of every app the
 * key can see) and turns it into a desired-state file that plans with no changes, optionally with
 * the testers in CSV files beside it. Writing the files and checking that they load back as what
 * was pulled are separate steps, so that the command decides where the YAML goes (a file or
 * standard output).
 */
public final class Puller {
  static final int PAGE = 200;

  private final AscClient client;

  public Puller(AscClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * What to pull and how to write it. {@code apps}: bundle ids, empty for every app the key can
   * see; {@code source}: where the state is read from, for the header (an endpoint, never a
   * credential); {@code output}: the YAML file, null for standard output (CSV paths are then
   * relative to the working directory); {@code testersCsv}: where testers go as CSV, null to keep
   * them in the YAML.
   */
  public record Request(List<String> apps, String source, Path output, Path testersCsv) {
    public Request {
      apps = List.copyOf(apps);
      Objects.requireNonNull(source, "source");
    }
  }

  public Pulled pull(Request request) {
    List<String> bundleIds =
        request.apps().isEmpty() ? visibleApps() : List.copyOf(new TreeSet<>(request.apps()));
    if (bundleIds.isEmpty()) {
      return Pulled.failed(
          Diagnostics.of(
              List.of(
                  Diagnostic.error(
                      null,
                      "the API key sees no apps, so there is nothing to pull",
                      "check that the key's team has apps in App Store Connect"))));
    }
    LiveState live = new StateReader(client, Kinds.reads()).read(ReadScope.everything(bundleIds));
    if (!live.missing().isEmpty()) {
      List<Diagnostic> missing = new ArrayList<>();
      for (String b : live.missing()) {
        missing.add(
            Diagnostic.error(
                null,
                "app \"" + b + "\" was not found in App Store Connect; nothing was written",
                "check the bundle id, and that the API key's team owns the app (without --app, pull takes every app the key can see)"));
      }
      return Pulled.failed(Diagnostics.of(missing));
    }
    List<PulledApp> apps = new ArrayList<>();
    for (LiveApp app : live.apps()) {
      apps.add(LiveToDesired.convert(app, live.apps().size()));
    }
    YamlWriter.Header header = new YamlWriter.Header(request.source());
    String expected = YamlWriter.write(header, apps);
    Map<Path, String> csv = new LinkedHashMap<>();
    List<PulledApp> written = apps;
    if (request.testersCsv() != null) {
      written = new ArrayList<>();
      Path dir = directoryOf(request.output());
      for (PulledApp app : apps) {
        Path file = csvFor(request.testersCsv(), app.spec().bundleId(), apps.size());
        List<TesterSpec> rows =
            app.spec().testers().stream().filter(TesterCsvWriter::fits).toList();
        csv.put(file, TesterCsvWriter.write(rows));
        written.add(app.withTestersFile(relative(dir, file), rows));
      }
    }
    String yamlName = request.output() == null ? "pulled.yaml" : request.output().toString();
    return new Pulled(
        YamlWriter.write(header, written),
        csv,
        apps,
        Diagnostics.empty(),
        yamlName,
        expected,
        request.source());
  }

  /**
   * Writes the CSV files, then the YAML file unless it goes to standard output; each whole or not
   * at all.
   */
  public static void write(Pulled pulled, Path output) throws IOException {
    for (Map.Entry<Path, String> f : pulled.csvFiles().entrySet()) {
      RegularFiles.write(f.getKey(), f.getValue());
    }
    if (output != null) {
      RegularFiles.write(output, pulled.yaml());
    }
  }

  /**
   * Loads the written file (with its CSV lists, which must be written already) and checks that it
   * says exactly what was pulled: an error here is a bug in flightplan, never a problem of the
   * user's.
   */
  public static Diagnostics check(Pulled pulled) {
    LoadResult loaded = ConfigLoader.parse(pulled.yamlName(), pulled.yaml());
    if (loaded.state().isEmpty()) {
      List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics().errors());
      problems.add(
          Diagnostic.error(
              null, "the pulled file does not load back (a bug in flightplan; please report it)"));
      return Diagnostics.of(problems);
    }
    List<PulledApp> reread = new ArrayList<>();
    for (PulledApp app : pulled.apps()) {
      AppSpec spec = loaded.state().get().app(app.spec().bundleId()).orElseThrow();
      reread.add(app.withSpec(spec));
    }
    String again = YamlWriter.write(new YamlWriter.Header(pulled.source()), reread);
    if (!again.equals(pulled.expected())) {
      return Diagnostics.of(
          List.of(
              Diagnostic.error(
                  null,
                  "the pulled file does not read back as what was pulled (a bug in flightplan; please report it): "
                      + firstDifference(again, pulled.expected()))));
    }
    return Diagnostics.empty();
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return "line " + (i + 1) + " reads back as \"" + x[i].strip() + "\"";
      }
    }
    return "the texts differ in length";
  }

  private List<String> visibleApps() {
    String query =
        Query.of("/v1/apps").param("fields[apps]", "bundleId").param("limit", PAGE).build();
    TreeSet<String> ids = new TreeSet<>();
    for (Document page : client.getAll(query)) {
      for (Resource app : page.data()) {
        ids.add(app.string("bundleId"));
      }
    }
    return List.copyOf(ids);
  }

  /** testers.csv for one app; testers-com.example.weather.csv for each of several. */
  static Path csvFor(Path given, String bundleId, int apps) {
    if (apps == 1) {
      return given;
    }
    String name = given.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String each =
        dot > 0
            ? name.substring(0, dot) + "-" + bundleId + name.substring(dot)
            : name + "-" + bundleId;
    return given.resolveSibling(each);
  }

  private static Path directoryOf(Path output) {
    Path absolute = (output == null ? Path.of("pulled.yaml") : output).toAbsolutePath().normalize();
    return absolute.getParent();
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
