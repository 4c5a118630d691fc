package dev.flightplan.kinds;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.plan.ResourceKind;
import dev.flightplan.state.AppPart;
import dev.flightplan.state.BuildPart;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.UsageRead;
import java.util.List;
import java.util.Set;

/**
 * One managed kind of TestFlight resource, with everything about it in its folder under {@code
 * kinds/}: how it plans ({@link ResourceKind#plan}), the address types of the actions it plans
 * ({@link #types}), what it needs read of the app itself ({@link #reads}, merged by the state
 * reader into the apps lookup, so that a kind adds no request) and of each build ({@link
 * #buildReads}, merged into the builds request), the testers' usage it needs ({@link #usageRead}),
 * and how {@code pull} takes its live state back into the file ({@link #pull}, {@link #write}). Its
 * order relative to other kinds is said once, in {@link Kinds}.
 */
public interface Kind extends ResourceKind {
  /** The address types of the actions this kind plans, in the order plans show them. */
  List<String> types();

  /** The kind's own name: its first address type. */
  default String key() {
    return types().get(0);
  }

  /**
   * The attributes of this kind's actions that hold a secret, which plans show and save only as
   * {@link dev.flightplan.plan.Sensitive#VALUE} (none by default). Only these are read back from a
   * saved plan as the secret's stand-in; any other attribute that says the same is the user's text.
   */
  default Set<String> secretAttributes() {
    return Set.of();
  }

  /** What this kind needs read of the app itself (none by default). */
  default List<AppPart<?>> reads() {
    return List.of();
  }

  /**
   * What this kind needs read of each build (none by default): merged by the state reader into the
   * builds request, and read in full for the builds whose entries in the file want it.
   */
  default List<BuildPart<?>> buildReads() {
    return List.of();
  }

  /**
   * The testers' usage this kind needs read when the file asks for it; null (the default): none.
   */
  default UsageRead usageRead() {
    return null;
  }

  /**
   * The pulled file's app {@code into} with this kind's part set from the live {@code app}: only
   * what the file can hold, normalised (natural keys, nothing server-owned), anything else left out
   * through {@code pulling}.
   */
  default AppSpec pull(LiveApp app, AppSpec into, Pulling pulling) {
    return into;
  }

  /**
   * Writes this kind's keys of a pulled app ({@code app}, as pulled or as the written file loads
   * back), with the note it kept when pulling ({@code memo}, null if none).
   */
  default void write(AppSpec app, String memo, YamlOut out) {}

  /**
   * The pulled file's entry {@code into} of the live {@code build} with this kind's part of the
   * build set (a build whose entry no kind fills is left out of the file).
   */
  default BuildSpec pullBuild(LiveBuild build, BuildSpec into, Pulling pulling) {
    return into;
  }

  /** Writes this kind's keys of a pulled build entry. */
  default void writeBuild(BuildSpec build, YamlOut out) {}
}
