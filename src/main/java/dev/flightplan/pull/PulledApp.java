package dev.flightplan.pull;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.TesterSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One app as {@code pull} writes it: the desired state that matches what App Store Connect has
 * ({@code spec}, its lists in the file's order), the app's name (a comment), how many testers
 * joined through a public link and are therefore not listed, how many listed testers are
 * NOT_INVITED in internal groups only (the file then turns {@code invitations.onAdd} off, so that
 * planning it does not invite them), what had to be left out and why (comments), what the kinds
 * counted and remarked for the summary ({@code counts}: singular noun → number), the notes kinds
 * kept for writing their part (by kind, such as the environment variable a commented-out secret
 * names), and, when the testers go to a CSV file, its path relative to the YAML and the testers it
 * holds (then not in {@code spec}).
 */
public record PulledApp(
    AppSpec spec,
    String name,
    int publicLinkTesters,
    int uninvitedInternal,
    List<String> leftOut,
    Map<String, Integer> counts,
    List<String> remarks,
    Map<String, String> memos,
    String testersFile,
    List<TesterSpec> csvTesters) {
  public PulledApp {
    Objects.requireNonNull(spec, "spec");
    leftOut = List.copyOf(leftOut);
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    remarks = List.copyOf(remarks);
    memos = Map.copyOf(memos);
    csvTesters = List.copyOf(csvTesters);
  }

  /** The same app with another desired state (the one a written file loads back as). */
  PulledApp withSpec(AppSpec other) {
    return new PulledApp(
        other,
        name,
        publicLinkTesters,
        uninvitedInternal,
        leftOut,
        counts,
        remarks,
        memos,
        testersFile,
        csvTesters);
  }

  /**
   * The same app with {@code testers} moved to the CSV file {@code file} (relative to the YAML's
   * directory).
   */
  PulledApp withTestersFile(String file, List<TesterSpec> testers) {
    List<TesterSpec> rest = spec.testers().stream().filter(t -> !testers.contains(t)).toList();
    return new PulledApp(
        spec.withTesters(rest),
        name,
        publicLinkTesters,
        uninvitedInternal,
        leftOut,
        counts,
        remarks,
        memos,
        file,
        testers);
  }
}
