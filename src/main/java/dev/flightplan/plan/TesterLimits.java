package dev.flightplan.plan;

import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * App Store Connect's tester limits per app, checked by the plan before any request: at most
 * {@value #INTERNAL} internal testers (members of its internal groups) and {@value #EXTERNAL}
 * external testers (members of its external groups, public-link joiners among them, and testers
 * given one of its builds individually), each tester counted once per kind. Apply adds testers
 * before it removes any ({@link Phase}), so what must fit is the app at its fullest: every tester
 * of that kind it has now, the file's or not, and every tester the file adds. A file that does not
 * fit is an error at the membership that crosses the limit (memberships in the order the file lists
 * them), saying how many places are left. Individual testers are known only when the builds are
 * read (the file names builds).
 */
public final class TesterLimits {
  public static final int INTERNAL = 100;
  public static final int EXTERNAL = 10_000;

  private TesterLimits() {}

  /**
   * The ids of the testers who count against each limit now, as App Store Connect has the app
   * (before the plan): what the app's headroom is measured from.
   */
  public record Headroom(Set<String> internal, Set<String> external) {
    public Headroom {
      internal = Set.copyOf(internal);
      external = Set.copyOf(external);
    }

    public int internalLeft() {
      return Math.max(0, INTERNAL - internal.size());
    }

    public int externalLeft() {
      return Math.max(0, EXTERNAL - external.size());
    }
  }

  /**
   * The app's testers of each kind now; individual testers count only when the builds were read.
   */
  public static Headroom headroom(AppContext ctx) {
    return new Headroom(countedNow(ctx, true), countedNow(ctx, false));
  }

  private static Set<String> countedNow(AppContext ctx, boolean internal) {
    Set<String> groupIds = new HashSet<>();
    for (LiveGroup g : ctx.live().groups()) {
      if (g.internal() == internal) {
        groupIds.add(g.id());
      }
    }
    Set<String> individual = internal ? Set.of() : individual(ctx);
    Set<String> now = new HashSet<>();
    for (LiveTester t : ctx.live().testers()) {
      if (t.groupIds().stream().anyMatch(groupIds::contains) || individual.contains(t.id())) {
        now.add(t.id());
      }
    }
    return now;
  }

  static void check(AppContext ctx) {
    check(ctx, true);
    check(ctx, false);
  }

  /** A place in the file where a tester joins a group (or is given a build) of the kind checked. */
  private record Joining(String email, SourcePos pos) {}

  private static void check(AppContext ctx, boolean internal) {
    int limit = internal ? INTERNAL : EXTERNAL;
    Set<String> now = countedNow(ctx, internal);
    int notInFile = 0;
    for (LiveTester t : ctx.live().testers()) {
      if (now.contains(t.id()) && !ctx.declared(t.email())) {
        notInFile++;
      }
    }
    // the app at its fullest: live ids, and the emails of testers the plan creates (kept apart
    // rather than keyed "new EMAIL": a string per membership)
    Set<String> fullestLive = new HashSet<>(now);
    Set<String> fullestNew = new HashSet<>();
    forEachJoining(
        ctx,
        internal,
        (email, pos) -> {
          LiveTester live = ctx.liveTester(email).orElse(null);
          if (live != null) {
            fullestLive.add(live.id());
          } else {
            fullestNew.add(email);
          }
        });
    int fullest = fullestLive.size() + fullestNew.size();
    if (fullest <= limit || fullest == now.size()) {
      // fits, or the file adds no one (an app already past a limit is App Store Connect's business)
      return;
    }
    // the places listed only for a file that does not fit: a record per membership otherwise
    List<Joining> joining = new ArrayList<>();
    forEachJoining(ctx, internal, (email, pos) -> joining.add(new Joining(email, pos)));
    int left = Math.max(0, limit - now.size());
    int adds = fullest - now.size();
    joining.sort(
        Comparator.comparing(
            Joining::pos,
            Comparator.nullsLast(
                Comparator.comparing(SourcePos::file)
                    .thenComparingInt(SourcePos::line)
                    .thenComparingInt(SourcePos::column))));
    Set<String> counted = new HashSet<>(now);
    Joining crossing = null;
    for (Joining j : joining) {
      if (counted.add(key(ctx, j.email())) && counted.size() > limit) {
        crossing = j;
        break;
      }
    }
    String kind = internal ? "internal" : "external";
    String counts =
        internal ? "" : " (public-link joiners and testers given a build individually count)";
    ctx.out()
        .diagnostic(
            Diagnostic.error(
                crossing == null || crossing.pos() == null ? ctx.desired().pos() : crossing.pos(),
                "this tester takes "
                    + ctx.app()
                    + " past App Store Connect's limit of "
                    + String.format("%,d", limit)
                    + " "
                    + kind
                    + " testers per app"
                    + counts
                    + ": the app has "
                    + String.format("%,d", now.size())
                    + " ("
                    + String.format("%,d", notInFile)
                    + " of them not in the file), so "
                    + String.format("%,d", left)
                    + " more can be added, and the file adds "
                    + String.format("%,d", adds),
                "list "
                    + String.format("%,d", adds - left)
                    + " fewer new "
                    + kind
                    + " tester(s), or make room first: apply"
                    + " adds testers before it removes any, so testers leaving the app or its "
                    + kind
                    + " groups free places only once that apply is done"));
  }

  /**
   * Gives {@code each} the email and place of every time the file puts a tester in a group of the
   * kind (or, for external, gives it builds), in no set order.
   */
  private static void forEachJoining(
      AppContext ctx, boolean internal, BiConsumer<String, SourcePos> each) {
    for (GroupSpec g : ctx.desired().groups()) {
      if (g.internal() == internal) {
        for (String email : g.testers()) {
          each.accept(email, g.testerPos(email));
        }
      }
    }
    for (TesterSpec t : ctx.desired().testers()) {
      for (String group : t.groups()) {
        if (ctx.internalGroup(group) == internal) {
          each.accept(t.email(), t.groupPos(group));
        }
      }
      if (!internal && t.builds() != null && !t.builds().isEmpty()) {
        each.accept(t.email(), t.builds().get(0).pos() != null ? t.builds().get(0).pos() : t.pos());
      }
    }
  }

  /** The tester's live id, or its email for a tester the plan creates. */
  private static String key(AppContext ctx, String email) {
    return ctx.liveTester(email).map(LiveTester::id).orElse("new " + email);
  }

  /**
   * The ids of the testers given one of the app's builds individually (read only when the file
   * names builds).
   */
  private static Set<String> individual(AppContext ctx) {
    Set<String> ids = new HashSet<>();
    for (LiveBuild b : ctx.live().builds()) {
      ids.addAll(b.individualTesterIds());
    }
    return ids;
  }
}
