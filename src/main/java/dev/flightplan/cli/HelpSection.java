package dev.flightplan.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The section of {@code --help} that lists an option: on an options class (a mixin), for all of its
 * options, or on one option, which it moves. Options without one are listed last, under "Other:"
 * ({@link HelpLayout}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@interface HelpSection {
  Heading value();

  /** The sections, in the order the help lists them. */
  enum Heading {
    /** What the command reads: the desired-state file, the apps of it, the files beside it. */
    INPUT("Input"),
    /** Which App Store Connect, with which key, and how requests are sent. */
    CONNECTION("Connection"),
    /** What may be changed or deleted, and the guards against a bad change. */
    SAFETY("Safety"),
    /** What is printed or written, and how. */
    OUTPUT("Output");

    final String title;

    Heading(String title) {
      this.title = title;
    }
  }
}
