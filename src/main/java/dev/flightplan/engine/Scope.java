package dev.flightplan.engine;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.DesiredState;
import dev.flightplan.diag.Quote;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The apps a plan or apply covers: all the file's apps, or those named with {@code --app} (in file
 * order). {@code partial} when some of the file's apps are left out; they are then not read at all.
 */
public record Scope(List<String> apps, boolean partial) {
  public Scope {
    apps = List.copyOf(apps);
  }

  /** Bundle ids asked for with --app that the file does not describe. */
  public static final class UnknownAppException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownAppException(String message) {
      super(message);
    }
  }

  /** The scope {@code requested} selects in {@code desired} (everything when none is requested). */
  public static Scope select(DesiredState desired, List<String> requested)
      throws UnknownAppException {
    List<String> all = desired.apps().stream().map(AppSpec::bundleId).toList();
    if (requested == null || requested.isEmpty()) {
      return new Scope(all, false);
    }
    Set<String> wanted = new LinkedHashSet<>(requested);
    List<String> unknown = wanted.stream().filter(a -> !all.contains(a)).toList();
    if (!unknown.isEmpty()) {
      throw new UnknownAppException(
          (unknown.size() == 1
                  ? "--app " + Quote.of(unknown.get(0)) + " is"
                  : "--app " + String.join(", ", unknown.stream().map(Quote::of).toList()) + " are")
              + " not in "
              + desired.source()
              + ", whose apps are: "
              + String.join(", ", all.stream().map(Quote::of).toList()));
    }
    List<String> apps = new ArrayList<>();
    all.stream().filter(wanted::contains).forEach(apps::add);
    return new Scope(apps, apps.size() < all.size());
  }

  /** The desired state reduced to the apps in scope. */
  public DesiredState restrict(DesiredState desired) {
    Objects.requireNonNull(desired, "desired");
    return new DesiredState(
        desired.source(),
        desired.version(),
        desired.apps().stream().filter(a -> apps.contains(a.bundleId())).toList());
  }
}
