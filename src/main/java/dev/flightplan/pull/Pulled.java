package dev.flightplan.pull;

import dev.flightplan.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pull produced: the desired-state file's text, the CSV tester lists beside it (path → text,
 * in the order they are written), the apps as pulled (each with all its testers, wherever they are
 * written), and problems (an app that was not found). {@code yamlName} is how the YAML file is
 * named in messages (its path, or {@code pulled.yaml} when it goes to standard output); {@code
 * expected} is the text the loaded file must render back to (with every tester in the YAML, and the
 * header of {@code source}), the check that it says exactly what was pulled.
 */
public record Pulled(
    String yaml,
    Map<Path, String> csvFiles,
    List<PulledApp> apps,
    Diagnostics diagnostics,
    String yamlName,
    String expected,
    String source) {
  public Pulled {
    csvFiles = Collections.unmodifiableMap(new LinkedHashMap<>(csvFiles));
    apps = List.copyOf(apps);
  }

  static Pulled failed(Diagnostics diagnostics) {
    return new Pulled("", Map.of(), List.of(), diagnostics, "", "", "");
  }
}
