package dev.flightplan.pull;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.TesterSpec;
import java.util.List;
import java.util.Objects;

/**
 * One app as {@code pull} writes it: the desired state that matches what App Store Connect has ({@code spec}, its
 * lists in the file's order), the app's name (a comment), the environment variable named in the commented-out
 * reference to its demo account password (null when App Store Connect holds none), how many testers joined
 * through a public link and are therefore not listed, how many listed testers are NOT_INVITED in internal groups
 * only (the file then turns {@code invitations.onAdd} off, so that planning it does not invite them), what had to
 * be left out and why (comments), and, when the
 * testers go to a CSV file, its path relative to the YAML and the testers it holds (then not in {@code spec}).
 */
public record PulledApp(
    AppSpec spec,
    String name,
    String demoPasswordEnv,
    int publicLinkTesters,
    int uninvitedInternal,
    List<String> leftOut,
    String testersFile,
    List<TesterSpec> csvTesters) {
  public PulledApp {
    Objects.requireNonNull(spec, "spec");
    leftOut = List.copyOf(leftOut);
    csvTesters = List.copyOf(csvTesters);
  }

  /** The same app with another desired state (the one a written file loads back as). */
  PulledApp withSpec(AppSpec other) {
    return new PulledApp(other, name, demoPasswordEnv, publicLinkTesters, uninvitedInternal, leftOut, testersFile, csvTesters);
  }

  /** The same app with {@code testers} moved to the CSV file {@code file} (relative to the YAML's directory). */
  PulledApp withTestersFile(String file, List<TesterSpec> testers) {
    List<TesterSpec> rest = spec.testers().stream().filter(t -> !testers.contains(t)).toList();
    AppSpec moved = new AppSpec(spec.bundleId(), spec.manage(), spec.groups(), rest, spec.localizations(), spec.licenseAgreement(),
        spec.reviewDetail(), spec.invitations(), spec.builds(), spec.pos());
    return new PulledApp(moved, name, demoPasswordEnv, publicLinkTesters, uninvitedInternal, leftOut, file, testers);
  }
}
