package dev.flightplan.cli;

import picocli.CommandLine.Option;

/** Options about how output looks (a picocli mixin shared by every command that prints a view). */
public final class OutputOptions {
  @Option(names = "--no-color", description = "Never colour the output (also off when NO_COLOR is set or not at a terminal).")
  boolean noColor;
}
