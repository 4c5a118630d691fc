package dev.flightplan.render;

/**
 * ANSI colours for the terminal view; a disabled style returns text unchanged (not a terminal, or
 * NO_COLOR set).
 */
public record Style(boolean color) {
  public static final Style PLAIN = new Style(false);

  public String green(String s) {
    return wrap("32", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String red(String s) {
    return wrap("31", s);
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
