package dev.flightplan.kinds;

import dev.flightplan.plan.ResourceKind;
import dev.flightplan.state.AppPart;
import java.util.List;

/**
 * One managed kind of TestFlight resource, with everything about it in its folder under {@code kinds/}: how it
 * plans ({@link ResourceKind#plan}), the address types of the actions it plans ({@link #types}), and what it needs
 * read of the app itself ({@link #reads}, merged by the state reader into the apps lookup, so that a kind adds no
 * request). Its order relative to other kinds is said once, in {@link Kinds}.
 */
public interface Kind extends ResourceKind {
  /** The address types of the actions this kind plans, in the order plans show them. */
  List<String> types();

  /** What this kind needs read of the app itself (none by default). */
  default List<AppPart<?>> reads() {
    return List.of();
  }
}
