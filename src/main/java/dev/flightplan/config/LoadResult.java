package dev.flightplan.config;

import dev.flightplan.diag.Diagnostics;
import java.util.Optional;

/** What loading a desired-state file gave: the state when there was no error, and every diagnostic found. */
public record LoadResult(Optional<DesiredState> state, Diagnostics diagnostics) {
  public LoadResult {
    if (state.isPresent() && diagnostics.hasErrors()) {
      throw new IllegalArgumentException("a state with errors");
    }
  }
}
