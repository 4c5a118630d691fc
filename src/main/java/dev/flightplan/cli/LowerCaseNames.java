package dev.flightplan.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

/**
 * The names of an enum's constants as people type them (lower case): picocli's completion
 * candidates of an option.
 */
class LowerCaseNames extends ArrayList<String> {
  private static final long serialVersionUID = 1L;

  LowerCaseNames(Enum<?>[] values) {
    super(Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
  }
}
