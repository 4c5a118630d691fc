package dev.flightplan.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable list of diagnostics, kept in file order so that all problems are reported together.
 */
public record Diagnostics(List<Diagnostic> items) {
  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.pos() == null ? "" : d.pos().file())
          .thenComparingInt(d -> d.pos() == null ? 0 : d.pos().line())
          .thenComparingInt(d -> d.pos() == null ? 0 : d.pos().column())
          .thenComparing(Diagnostic::summary);

  public Diagnostics {
    List<Diagnostic> sorted = new ArrayList<>(items);
    sorted.sort(ORDER);
    items = List.copyOf(sorted);
  }

  public static Diagnostics empty() {
    return new Diagnostics(List.of());
  }

  public static Diagnostics of(List<Diagnostic> items) {
    return new Diagnostics(items);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return items.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return items.stream().filter(d -> !d.isError()).toList();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public Diagnostics plus(Diagnostics other) {
    List<Diagnostic> all = new ArrayList<>(items);
    all.addAll(other.items);
    return new Diagnostics(all);
  }
}
