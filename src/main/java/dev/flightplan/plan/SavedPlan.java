package dev.flightplan.plan;

import dev.flightplan.state.ReadScope;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plan with everything needed to review it in CI and to apply exactly it later: the tool version
 * that made it, the desired-state file it came from (path as given, and SHA-256 of its bytes), the
 * apps in scope (in file order; {@code partial} when {@code --app} left some of the file's apps
 * out), the options it was made with, the plan itself (actions and the exact API calls), what it
 * read ({@code reads}) and the fingerprint of every live object it read. Holds no secret.
 */
public record SavedPlan(
    String flightplanVersion,
    ConfigRef config,
    List<String> apps,
    boolean partial,
    PlanOptions options,
    Plan plan,
    ReadScope reads,
    SortedMap<String, String> fingerprints) {
  /**
   * The version of the plan format this code reads and writes; a minor bump only adds fields. 2.0:
   * ids that earlier calls produce and the demo password are put in by structure ({@code path_ref},
   * {@code substitutions}), never by markers inside text; calls have keys and say which calls they
   * follow ({@code after}). 2.1: {@code summary.left_out}, the changes a plan made with {@code
   * --invitations-only} leaves out.
   */
  public static final String FORMAT_VERSION = "2.1";

  public SavedPlan {
    Objects.requireNonNull(flightplanVersion, "flightplanVersion");
    Objects.requireNonNull(config, "config");
    apps = List.copyOf(apps);
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(reads, "reads");
    fingerprints = Collections.unmodifiableSortedMap(new TreeMap<>(fingerprints));
  }

  /** This saved plan with another plan (the same plan with more notes, say). */
  public SavedPlan withPlan(Plan other) {
    return new SavedPlan(
        flightplanVersion, config, apps, partial, options, other, reads, fingerprints);
  }

  /**
   * The desired-state file a plan was made from: its path as the user gave it, and the SHA-256 of
   * its bytes (and of the tester lists it includes; see {@code engine.ConfigFile}).
   */
  public record ConfigRef(String path, String sha256) {
    public ConfigRef {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
    }
  }
}
