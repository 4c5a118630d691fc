package dev.flightplan.kinds;

import dev.flightplan.plan.ResourceKind;
import java.util.List;


public final class Kinds {
  private Kinds() {}

  public static List<ResourceKind> all() {
    return List.of(
        new LocalizationKind(), new AppInfoKind(), new GroupKind(), new TesterKind(), new BuildKind(), new BuildAssignmentKind(),
        // the hygiene policies (issue 18), each self-contained in its folder
        new dev.flightplan.kinds.hygiene.InactiveTesters(), new dev.flightplan.kinds.expiry.BuildExpiry());
  }
}
