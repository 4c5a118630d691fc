package dev.flightplan.config;

import dev.flightplan.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * What loading a desired-state file gave: the state when there was no error, every diagnostic
 * found, and the files it included (tester lists), in the order they were read.
 */
public record LoadResult(
    Optional<DesiredState> state, Diagnostics diagnostics, List<IncludedFile> included) {
  public LoadResult {
    if (state.isPresent() && diagnostics.hasErrors()) {
      throw new IllegalArgumentException("a state with errors");
    }
    included = List.copyOf(included);
  }

  public LoadResult(Optional<DesiredState> state, Diagnostics diagnostics) {
    this(state, diagnostics, List.of());
  }
}
