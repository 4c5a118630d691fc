package dev.flightplan.render;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Note;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.SavedPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terminal view of a plan, modelled on Terraform's: one block per action with its symbol
 * ({@code +}, {@code ~}, {@code -/+}, {@code -}), attribute-level before → after, notes, a summary
 * line and the API calls apply will need.
 */
public final class PlanTextView {
  private static final int INLINE_LIST = 3;

  /** Examples per kind of object and per group in the compact view. */
  static final int EXAMPLES = 5;

  private final PrintWriter out;
  private final Style style;
  private final PlanDetail detail;

  /** A view that summarises plans of more than {@link PlanDetail#COMPACT_ABOVE} changes. */
  public PlanTextView(PrintWriter out, Style style) {
    this(out, style, PlanDetail.AUTO);
  }

  public PlanTextView(PrintWriter out, Style style, PlanDetail detail) {
    this.out = out;
    this.style = style;
    this.detail = detail;
  }

  /**
   * A plan with its scope: as {@link #render(Plan)}, first saying so when the plan covers only some
   * apps.
   */
  public void render(SavedPlan saved) {
    if (saved.partial()) {
      out.println(
          style.yellow("Partial plan:")
              + " it covers only "
              + TerminalText.escape(String.join(", ", saved.apps()))
              + " (chosen with --app); the file's other apps were not read.");
      out.println();
    }
    render(saved.plan());
  }

  /**
   * A saved plan as {@code flightplan show} renders it ({@code source} not null): first a line
   * saying which file it is, which version made it from which desired-state file for which apps,
   * and when the file was saved; then as {@link #render(SavedPlan)}.
   */
  public void render(SavedPlan saved, PlanSource source) {
    if (source == null) {
      render(saved);
      return;
    }
    String sha = saved.config().sha256();
    out.println(
        TerminalText.escape(
            "Saved plan "
                + source.file()
                + ": made by flightplan "
                + saved.flightplanVersion()
                + " from "
                + saved.config().path()
                + (sha.isEmpty() ? "" : " (sha256 " + sha.substring(0, 12) + ")")
                + " for "
                + String.join(", ", saved.apps())
                + ", saved "
                + source.when()
                + "."));
    out.println();
    render(saved);
  }

  public void render(Plan plan) {
    if (!plan.hasChanges() && plan.complete()) {
      out.println(style.green("No changes.") + " App Store Connect matches the file.");
    } else if (!plan.hasChanges()) {
      out.println(
          style.yellow("No invitations to send.")
              + " App Store Connect still differs from the file in the "
              + plan.leftOut()
              + " change(s) --invitations-only leaves out (see the note below).");
    } else if (detail.compact(plan)) {
      renderDigest(plan);
    } else {
      out.println("flightplan will perform the following actions:");
      String app = null;
      for (Action action : plan.actions()) {
        if (!action.address().app().equals(app)) {
          app = action.address().app();
          out.println();
          out.println(style.bold("app " + TerminalText.escape(app)));
        }
        out.println();
        renderAction(action);
      }
    }
    renderNotes(plan.notes());
    if (plan.hasChanges()) {
      out.println();
      out.println(summary(plan));
      renderCalls(plan.calls());
    }
    out.flush();
  }

  /**
   * "Plan: 3 to add, 2 to change, 1 to destroy.": as Terraform, a replacement counts as one add and
   * one destroy; one-off requests (invitations, notifications) are counted apart when there are
   * any.
   */
  public static String summary(Plan plan) {
    Map<ActionKind, Integer> c = plan.counts();
    int replace = c.get(ActionKind.REPLACE);
    int send = c.get(ActionKind.SEND);
    return "Plan: "
        + (c.get(ActionKind.CREATE) + replace)
        + " to add, "
        + c.get(ActionKind.UPDATE)
        + " to change, "
        + (c.get(ActionKind.DELETE) + replace)
        + " to destroy"
        + (send > 0 ? ", " + send + " to send." : ".");
  }

  /**
   * The compact view: per app, each kind of object's changes counted with a few examples, and
   * groups' testers.
   */
  private void renderDigest(Plan plan) {
    out.println(
        "flightplan will perform the following actions (a summary of "
            + Markdown.plural(plan.actions().size(), "change", "changes")
            + "; "
            + style.bold("--full")
            + " lists each one):");
    for (PlanDigest.AppDigest app : PlanDigest.of(plan, EXAMPLES).apps()) {
      out.println();
      out.println(style.bold("app " + TerminalText.escape(app.app())));
      out.println();
      for (DigestLines.Line line : DigestLines.of(app, TerminalText::escape)) {
        if (line.sign().isEmpty()) {
          out.println(line.text().isEmpty() ? "" : "  " + line.text());
        } else {
          int indent = 2 + 4 * line.depth() - (line.sign().length() - 1);
          out.println(" ".repeat(indent) + colour(line.sign(), line.sign()) + " " + line.text());
        }
      }
    }
  }

  /** One action's block: {@link DiffLines}, laid out as Terraform does, coloured. */
  private void renderAction(Action action) {
    for (DiffLines.Line line : DiffLines.of(action)) {
      if (line instanceof DiffLines.Header h) {
        out.println(
            style.dim(
                "  # "
                    + TerminalText.escape(h.what())
                    + " "
                    + h.verb()
                    + (h.reason() != null ? ": " + TerminalText.escape(h.reason()) : "")));
      } else if (line instanceof DiffLines.Open o) {
        String pad = o.kind() == ActionKind.REPLACE ? "" : "  ";
        out.println(
            pad + colour(o.kind(), o.kind().symbol()) + " " + TerminalText.escape(o.what()) + " {");
      } else if (line instanceof DiffLines.Attribute a) {
        attribute(a.sign(), Values.pad(a.name(), a.width()), a.value());
      } else if (line instanceof DiffLines.Kept k) {
        out.println(
            "        " + Values.pad(k.name(), k.width()) + " = " + Values.format(k.value()));
      } else if (line instanceof DiffLines.Changed c) {
        changed(c);
      } else if (line instanceof DiffLines.Members m) {
        out.println("      " + colour("~", "~") + " " + Values.pad(m.name(), m.width()) + " = [");
        m.added()
            .forEach(
                e -> out.println("          " + colour("+", "+") + " " + Values.format(e) + ","));
        m.removed()
            .forEach(
                e -> out.println("          " + colour("-", "-") + " " + Values.format(e) + ","));
        out.println("        ]");
      } else if (line instanceof DiffLines.Close) {
        out.println("    }");
      }
    }
  }

  private void attribute(String sign, String padded, Object value) {
    String s = sign.isBlank() ? " " : colour(sign, sign);
    if (value instanceof List<?> list && list.size() > INLINE_LIST) {
      out.println("      " + s + " " + padded + " = [");
      for (Object item : list) {
        out.println("          " + Values.format(item) + ",");
      }
      out.println("        ]");
    } else {
      out.println("      " + s + " " + padded + " = " + Values.format(value));
    }
  }

  /**
   * A changed attribute as {@code before -> after}; a secret's (only ever changed in place) as
   * changed, without its values.
   */
  private void changed(DiffLines.Changed c) {
    String padded = Values.pad(c.name(), c.width());
    if (c.after() instanceof dev.flightplan.plan.Sensitive) {
      out.println("      " + colour("~", "~") + " " + padded + " = (sensitive value changed)");
      return;
    }
    String forces = c.forcesReplacement() ? style.red(" # forces replacement") : "";
    out.println(
        "      "
            + colour("~", "~")
            + " "
            + padded
            + " = "
            + Values.format(c.before())
            + " -> "
            + Values.format(c.after())
            + forces);
  }

  /**
   * The rate limit and the guards' refusals as warnings of their own, the kinds' remarks listed
   * after them.
   */
  private void renderNotes(List<Note> notes) {
    List<Note> warnings = notes.stream().filter(n -> n.kind() != Note.Kind.REMARK).toList();
    List<Note> others = notes.stream().filter(n -> n.kind() == Note.Kind.REMARK).toList();
    if (!warnings.isEmpty()) {
      out.println();
      warnings.forEach(
          n -> out.println(style.yellow("Warning:") + " " + TerminalText.escape(warning(n))));
    }
    if (others.isEmpty()) {
      return;
    }
    out.println();
    out.println("Notes:");
    others.forEach(n -> out.println("  - " + TerminalText.escape(n.text())));
  }

  /** A warning's line after "Warning:". */
  private static String warning(Note note) {
    return switch (note.kind()) {
      case RATE_LIMIT -> ((Note.RateLimit) note).detail();
      case REFUSAL, REMARK ->
          note.text().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + note.text().substring(1);
    };
  }

  private void renderCalls(List<ApiCall> calls) {
    Map<String, Integer> byTemplate = new TreeMap<>();
    calls.forEach(c -> byTemplate.merge(c.template(), 1, Integer::sum));
    out.println(
        "API calls to apply: " + calls.size() + (calls.size() == 1 ? " request" : " requests"));
    byTemplate.forEach(
        (t, n) -> out.println("  " + String.format("%4d", n) + "  " + TerminalText.escape(t)));
  }

  private String colour(ActionKind kind, String s) {
    return switch (kind) {
      case CREATE -> style.green(s);
      case UPDATE -> style.yellow(s);
      case REPLACE, DELETE -> style.red(s);
      case SEND -> style.bold(s);
    };
  }

  private String colour(String sign, String s) {
    return switch (sign) {
      case "+" -> style.green(s);
      case "-", "-/+" -> style.red(s);
      case ">" -> style.bold(s);
      case " " -> s;
      default -> style.yellow(s);
    };
  }
}
