package dev.flightplan.kinds.localization;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.LocalizationSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.plan.AppContext;
import dev.flightplan.state.Copies;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What beta review needs of the beta app localizations: at least one, each with a description,
 * after this apply.
 */
final class LocalizationReadiness {
  private LocalizationReadiness() {}

  static void missing(AppContext ctx, String what, List<Diagnostic> problems) {
    AppSpec app = ctx.desired();
    List<LiveLocalization> localizations = ctx.live().part(LocalizationKind.LIVE);
    Map<String, String> descriptions = new TreeMap<>();
    Map<String, SourcePos> positions = new TreeMap<>();
    if (localizations != null) {
      boolean pruned = app.localizations() != null && ctx.options().prune();
      // a locale App Store Connect holds twice: its other copies are deleted before the submission
      // (Duplicates)
      for (LiveLocalization l :
          Copies.kept(
              localizations,
              LiveLocalization::locale,
              Comparator.comparing(LiveLocalization::id))) {
        if (!pruned || app.localizations().stream().anyMatch(s -> s.locale().equals(l.locale()))) {
          descriptions.put(l.locale(), l.description());
        }
      }
    }
    if (app.localizations() != null) {
      for (LocalizationSpec s : app.localizations()) {
        if (s.description() != null) {
          descriptions.put(s.locale(), s.description());
        } else {
          descriptions.putIfAbsent(s.locale(), null);
        }
        positions.put(s.locale(), s.pos());
      }
    }
    if (descriptions.isEmpty()) {
      problems.add(
          Diagnostic.error(
              app.pos(),
              what + "the app has no beta app localization",
              "add localizations: with a description for each locale"));
    }
    descriptions.forEach(
        (locale, description) -> {
          if (description == null || description.isBlank()) {
            problems.add(
                Diagnostic.error(
                    positions.getOrDefault(locale, app.pos()),
                    what + "the " + locale + " beta app localization has no description",
                    "add a description: to localizations." + locale));
          }
        });
  }
}
