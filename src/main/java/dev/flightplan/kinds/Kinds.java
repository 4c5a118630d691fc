package dev.flightplan.kinds;

import dev.flightplan.plan.ResourceKind;
import java.util.List;

/** The managed kinds, in the order they plan (groups first: testers refer to them). */
public final class Kinds {
  private Kinds() {}

  public static List<ResourceKind> all() {
    return List.of(new GroupKind(), new TesterKind());
  }
}
