package dev.flightplan.render;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Note;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.SavedPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Markdown view of a plan, made to be posted as a pull-request comment or an issue: a one-line
 * verdict, a note when the plan is partial, deletions and replacements called out first, a table of
 * counts per app and kind, then the details of each app in a collapsible section, notes, warnings
 * and the API calls.
 *
 * <p>Large change sets are summarised so that the comment stays readable and under GitHub's
 * 65,536-character limit: at most {@link Limits#changesPerApp} changes in detail per app, {@link
 * Limits#listItems} entries of any list, {@link Limits#calloutItems} deletions, notes and warnings,
 * and strings cut at {@link MarkdownDiff#LONG_STRING} characters; every cut says how much was left
 * out. If the result is still longer than {@link #BUDGET}, it is rendered again with the next,
 * smaller {@link #STEPS} until it fits. Personal data (email addresses, people's names and phone
 * numbers) is masked unless {@code showPersonalData} ({@link PersonalData}). User text can neither
 * break out of the document's structure (table, list, {@code <details>}, code block) nor act on the
 * terminal it is printed on ({@link TerminalText}).
 */
public final class MarkdownPlanView {
  /** How much of a large plan is shown in detail. */
  public record Limits(int changesPerApp, int listItems, int calloutItems) {}

  /**
   * The limits tried in turn: the first is the documented default (50 changes per app, 20 entries
   * per list).
   */
  public static final List<Limits> STEPS =
      List.of(
          new Limits(50, 20, 20), new Limits(20, 10, 10), new Limits(5, 5, 5), new Limits(0, 3, 3));

  /**
   * Characters the document may use, leaving room under GitHub's 65,536 for a workflow's own
   * header.
   */
  public static final int BUDGET = 60_000;

  private final PrintWriter out;
  private final PersonalData personal;
  private final PlanDetail detail;

  /** A view that summarises plans of more than {@link PlanDetail#COMPACT_ABOVE} changes. */
  public MarkdownPlanView(PrintWriter out, boolean showPersonalData) {
    this(out, showPersonalData, PlanDetail.AUTO);
  }

  public MarkdownPlanView(PrintWriter out, boolean showPersonalData, PlanDetail detail) {
    this.out = out;
    this.personal = new PersonalData(showPersonalData);
    this.detail = detail;
  }

  public void render(SavedPlan saved) {
    render(saved, null);
  }

  /**
   * A saved plan as {@code flightplan show} renders it ({@code source} not null): as {@link
   * #render(SavedPlan)}, its footer also naming the plan file and when it was saved.
   */
  public void render(SavedPlan saved, PlanSource source) {
    String text = "";
    for (Limits limits : STEPS) {
      text = new Document(saved, source, limits).build();
      if (text.length() <= BUDGET) {
        break;
      }
    }
    out.print(text);
    out.flush();
  }

  /** The comment for a plan that could not be made: the verdict and every error. */
  public void renderFailure(
      String version,
      SavedPlan.ConfigRef config,
      List<String> apps,
      boolean partial,
      Diagnostics diagnostics) {
    StringBuilder sb = new StringBuilder();
    int errors = diagnostics.errors().size();
    sb.append("**flightplan**: the plan failed (")
        .append(Markdown.plural(errors, "error", "errors"))
        .append(")");
    if (!apps.isEmpty()) {
      sb.append(" for ").append(appList(apps));
    }
    sb.append(partial ? " (partial plan)." : ".").append("\n\n");
    StringBuilder lines = new StringBuilder();
    diagnostics.items().forEach(d -> lines.append(code(d.format())).append('\n'));
    String fence = Markdown.fence(lines);
    sb.append(fence).append("text\n").append(lines).append(fence).append("\n\n");
    sb.append(footer(version, config, null));
    out.print(safety(sb.toString()));
    out.flush();
  }

  private String footer(String version, SavedPlan.ConfigRef config, PlanSource source) {
    StringBuilder sb = new StringBuilder("<sub>flightplan ").append(Markdown.escape(version));
    if (config != null) {
      sb.append(" · ").append(text(config.path()));
      if (!config.sha256().isEmpty()) {
        sb.append(" (sha256 ").append(config.sha256(), 0, 12).append(")");
      }
    }
    if (source != null) {
      sb.append(" · saved plan ").append(text(source.file())).append(", ").append(source.when());
    }
    sb.append(
        personal.shown()
            ? " · personal data shown"
            : " · emails and names masked ("
                + (source == null ? "plan" : "show")
                + " --show-personal-data shows them)");
    return sb.append("</sub>\n").toString();
  }

  /** User text in a paragraph, list, table or summary: masked, then escaped. */
  private String text(String s) {
    return Markdown.escape(personal.text(s));
  }

  /** User text inside a code block: masked, and escaped for the terminal only. */
  private String code(String s) {
    return personal.text(s);
  }

  /**
   * A last pass over the whole document, in case a piece of user text escaped {@link #text} and
   * {@link #code}.
   */
  private String safety(String document) {
    return personal.shown() ? document : EmailMask.mask(document);
  }

  private String appList(List<String> apps) {
    if (apps.size() == 1) {
      return text(apps.get(0));
    }
    if (apps.size() == 2) {
      return text(apps.get(0)) + " and " + text(apps.get(1));
    }
    return apps.size() + " apps";
  }

  /** One rendering of a plan under given limits. */
  private final class Document {
    private final SavedPlan saved;
    private final PlanSource source;
    private final Plan plan;
    private final Limits limits;
    private final StringBuilder sb = new StringBuilder();

    Document(SavedPlan saved, PlanSource source, Limits limits) {
      this.saved = saved;
      this.source = source;
      this.plan = saved.plan();
      this.limits = limits;
    }

    String build() {
      verdict();
      partial();
      refusals();
      callout();
      if (plan.hasChanges()) {
        table();
        if (detail.compact(plan)) {
          digest();
        } else {
          details();
        }
      }
      warnings();
      notes();
      calls();
      sb.append(footer(saved.flightplanVersion(), saved.config(), source));
      return safety(sb.toString());
    }

    private void verdict() {
      sb.append("**flightplan**: ");
      if (plan.hasChanges()) {
        Map<ActionKind, Integer> c = plan.counts();
        int replace = c.get(ActionKind.REPLACE);
        sb.append(Markdown.count(c.get(ActionKind.CREATE) + replace))
            .append(" to add, ")
            .append(Markdown.count(c.get(ActionKind.UPDATE)))
            .append(" to change, ")
            .append(Markdown.count(c.get(ActionKind.DELETE) + replace))
            .append(" to destroy");
        if (c.get(ActionKind.SEND) > 0) {
          sb.append(", ").append(Markdown.count(c.get(ActionKind.SEND))).append(" to send");
        }
        sb.append(" in ").append(appList(saved.apps()));
      } else if (plan.complete()) {
        sb.append("No changes. App Store Connect matches the file");
        if (!saved.apps().isEmpty()) {
          sb.append(" for ").append(appList(saved.apps()));
        }
      } else {
        sb.append("No invitations to send. App Store Connect still differs from the file");
        if (!saved.apps().isEmpty()) {
          sb.append(" for ").append(appList(saved.apps()));
        }
        sb.append(" in ")
            .append(Markdown.count(plan.leftOut()))
            .append(" change(s) `--invitations-only` leaves out");
      }
      sb.append(saved.partial() ? " (partial plan).\n\n" : ".\n\n");
    }

    private void partial() {
      if (!saved.partial()) {
        return;
      }
      sb.append("> [!NOTE]\n> Partial plan: it covers only ")
          .append(text(String.join(", ", saved.apps())))
          .append(" (chosen with --app); the file's other apps were not read.\n\n");
    }

    private void callout() {
      List<Action> destructive =
          plan.actions().stream()
              .filter(a -> a.kind() == ActionKind.DELETE || a.kind() == ActionKind.REPLACE)
              .toList();
      if (destructive.isEmpty()) {
        return;
      }
      long deletes = destructive.stream().filter(a -> a.kind() == ActionKind.DELETE).count();
      long replaces = destructive.size() - deletes;
      List<String> parts = new ArrayList<>();
      if (deletes > 0) {
        parts.add("deletes " + Markdown.plural(deletes, "object", "objects"));
      }
      if (replaces > 0) {
        parts.add(
            "replaces "
                + Markdown.plural(replaces, "object", "objects")
                + " (deleted and created again)");
      }
      sb.append("> [!CAUTION]\n> This plan ").append(String.join(" and ", parts)).append(":\n");
      // a summary lists a few, as it does every other change; the full view lists more, and has all
      // in its details
      boolean compact = detail.compact(plan);
      int shown =
          compact ? Math.min(limits.calloutItems(), PlanTextView.EXAMPLES) : limits.calloutItems();
      for (Action a : destructive.subList(0, Math.min(shown, destructive.size()))) {
        sb.append("> - **")
            .append(verb(a))
            .append("** ")
            .append(text(a.address().app()))
            .append(' ')
            .append(text(a.address().local()));
        if (a.reason() != null) {
          sb.append(": ").append(text(a.reason()));
        }
        sb.append('\n');
      }
      more(
          destructive.size() - shown,
          "> - … and ",
          compact ? " more (`--full` lists them)\n" : " more (see the details)\n");
      sb.append('\n');
    }

    private void table() {
      Map<String, Map<ActionKind, Integer>> rows = new LinkedHashMap<>();
      for (Action a : plan.actions()) {
        rows.computeIfAbsent(
                a.address().app() + "\u0000" + a.address().type(),
                k -> new EnumMap<>(ActionKind.class))
            .merge(a.kind(), 1, Integer::sum);
      }
      sb.append(
          "| App | Kind | Create | Update | Replace | Delete | Send |\n|:--|:--|--:|--:|--:|--:|--:|\n");
      rows.forEach(
          (key, counts) -> {
            String[] parts = key.split("\u0000", 2);
            sb.append("| ").append(text(parts[0])).append(" | ").append(text(parts[1]));
            for (ActionKind k : ActionKind.values()) {
              sb.append(" | ").append(Markdown.count(counts.getOrDefault(k, 0)));
            }
            sb.append(" |\n");
          });
      sb.append('\n');
    }

    /**
     * The compact form of the details: per app, its changes per kind of object and its groups'
     * testers.
     */
    private void digest() {
      sb.append("> [!NOTE]\n> ")
          .append(Markdown.plural(plan.actions().size(), "change", "changes"))
          .append(
              ", summarised per kind of object and group: `flightplan plan --full`, or `flightplan show --full` on the")
          .append(" saved plan, lists each one; the JSON plan has them all.\n\n");
      Map<String, List<Action>> byApp = byApp();
      for (PlanDigest.AppDigest app :
          PlanDigest.of(plan, Math.min(PlanTextView.EXAMPLES, limits.listItems())).apps()) {
        StringBuilder body = new StringBuilder();
        for (DigestLines.Line line : DigestLines.of(app, personal::text)) {
          if (!line.sign().isEmpty()) {
            body.append(line.sign()).append(' ').append("    ".repeat(line.depth()));
          } else if (!line.text().isEmpty()) {
            body.append("# ");
          }
          body.append(line.text()).append('\n');
        }
        section(app.app(), byApp.get(app.app()), body);
      }
    }

    private Map<String, List<Action>> byApp() {
      Map<String, List<Action>> byApp = new LinkedHashMap<>();
      plan.actions()
          .forEach(a -> byApp.computeIfAbsent(a.address().app(), k -> new ArrayList<>()).add(a));
      return byApp;
    }

    /** One app's details, collapsed under a line of its counts: {@code body} in a diff block. */
    private void section(String app, List<Action> actions, StringBuilder body) {
      String fence = Markdown.fence(body);
      sb.append("<details><summary>")
          .append(text(app))
          .append(": ")
          .append(appSummary(actions))
          .append("</summary>\n\n")
          .append(fence)
          .append("diff\n")
          .append(body)
          .append(fence)
          .append("\n\n</details>\n\n");
    }

    private void details() {
      byApp()
          .forEach(
              (app, actions) -> {
                StringBuilder body = new StringBuilder();
                MarkdownDiff diff = new MarkdownDiff(body, limits.listItems(), personal);
                List<Action> shown =
                    actions.subList(0, Math.min(limits.changesPerApp(), actions.size()));
                for (int i = 0; i < shown.size(); i++) {
                  if (i > 0) {
                    body.append('\n');
                  }
                  diff.action(shown.get(i));
                }
                int hidden = actions.size() - shown.size();
                if (hidden > 0) {
                  body.append(shown.isEmpty() ? "" : "\n")
                      .append("# … and ")
                      .append(Markdown.plural(hidden, "more change", "more changes"))
                      .append(" in ")
                      .append(code(app))
                      .append(", not shown here: see the JSON plan\n");
                }
                section(app, actions, body);
              });
    }

    private String appSummary(List<Action> actions) {
      Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
      actions.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
      List<String> parts = new ArrayList<>();
      add(parts, counts, ActionKind.CREATE, "to create");
      add(parts, counts, ActionKind.UPDATE, "to update");
      add(parts, counts, ActionKind.REPLACE, "to replace");
      add(parts, counts, ActionKind.DELETE, "to delete");
      add(parts, counts, ActionKind.SEND, "to send");
      return String.join(", ", parts);
    }

    private void add(
        List<String> parts, Map<ActionKind, Integer> counts, ActionKind kind, String label) {
      int n = counts.getOrDefault(kind, 0);
      if (n > 0) {
        parts.add(Markdown.count(n) + " " + label);
      }
    }

    private void warnings() {
      List<Diagnostic> warnings = plan.diagnostics().warnings();
      if (warnings.isEmpty()) {
        return;
      }
      sb.append("**Warnings**\n\n");
      warnings.stream()
          .limit(limits.calloutItems())
          .forEach(d -> sb.append("- ").append(text(d.format())).append('\n'));
      more(warnings.size() - limits.calloutItems(), "- … and ", " more\n");
      sb.append('\n');
    }

    private void notes() {
      List<Note> notes = plan.notes().stream().filter(n -> n.kind() != Note.Kind.REFUSAL).toList();
      if (notes.isEmpty()) {
        return;
      }
      sb.append("**Notes**\n\n");
      notes.stream()
          .limit(limits.calloutItems())
          .forEach(n -> sb.append("- ").append(text(n.text())).append('\n'));
      more(notes.size() - limits.calloutItems(), "- … and ", " more\n");
      sb.append('\n');
    }

    /**
     * What apply's guards would refuse, right under the verdict: the merge would fail otherwise.
     */
    private void refusals() {
      List<Note.Refusal> refusals =
          plan.notes().stream()
              .filter(n -> n instanceof Note.Refusal)
              .map(n -> (Note.Refusal) n)
              .toList();
      if (refusals.isEmpty()) {
        return;
      }
      sb.append("> [!WARNING]\n> `apply` would refuse this plan, changing nothing:\n");
      refusals.forEach(n -> sb.append("> - ").append(text(n.reason())).append('\n'));
      sb.append('\n');
    }

    private void calls() {
      List<ApiCall> calls = plan.calls();
      if (calls.isEmpty()) {
        return;
      }
      Map<String, Integer> byTemplate = new TreeMap<>();
      calls.forEach(c -> byTemplate.merge(c.template(), 1, Integer::sum));
      sb.append("<details><summary>API calls to apply: ")
          .append(Markdown.plural(calls.size(), "request", "requests"))
          .append("</summary>\n\n| Requests | Call |\n|--:|:--|\n");
      byTemplate.forEach(
          (t, n) ->
              sb.append("| ")
                  .append(Markdown.count(n))
                  .append(" | ")
                  .append(Markdown.cellCode(code(t)))
                  .append(" |\n"));
      sb.append("\n</details>\n\n");
    }

    private void more(int hidden, String prefix, String suffix) {
      if (hidden > 0) {
        sb.append(prefix).append(Markdown.count(hidden)).append(suffix);
      }
    }
  }

  private static String verb(Action a) {
    return switch (a.kind()) {
      case DELETE ->
          "tester".equals(a.address().type())
              ? "remove from the app"
              : "build".equals(a.address().type()) ? "expire" : "delete";
      case REPLACE -> "replace";
      default -> a.kind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
