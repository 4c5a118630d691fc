package dev.flightplan.kinds.localization;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.LocalizationSpec;
import dev.flightplan.config.SchemaPatterns;
import dev.flightplan.kinds.Pulling;
import dev.flightplan.kinds.YamlOut;
import dev.flightplan.state.Copies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beta app localizations in a pulled file: each locale App Store Connect holds (the kept copy of a
 * locale held twice), sorted, its empty fields left out; a locale or value the file would reject is
 * left out with a note.
 */
final class LocalizationPull {
  private LocalizationPull() {}

  static AppSpec pull(List<LiveLocalization> live, AppSpec into, Pulling pulling) {
    List<LocalizationSpec> result = null;
    if (live != null) {
      result = new ArrayList<>();
      for (LiveLocalization l :
          Copies.kept(live, LiveLocalization::locale, Comparator.comparing(LiveLocalization::id))) {
        if (!SchemaPatterns.accepts("/$defs/locale", l.locale())) {
          pulling.leftOut("localizations." + l.locale() + ": not a locale this file accepts");
          continue;
        }
        String where = "localizations." + l.locale();
        result.add(
            new LocalizationSpec(
                l.locale(),
                Pulling.blankToNull(l.description()),
                pulling.checked(l.feedbackEmail(), "/$defs/email", where + ".feedbackEmail"),
                pulling.checked(l.marketingUrl(), "/$defs/httpUrl", where + ".marketingUrl"),
                pulling.checked(
                    l.privacyPolicyUrl(), "/$defs/httpUrl", where + ".privacyPolicyUrl"),
                Pulling.blankToNull(l.tvOsPrivacyPolicy()),
                null));
      }
    }
    pulling.count("localization", result == null ? 0 : result.size());
    return into.withLocalizations(result);
  }

  static void write(List<LocalizationSpec> localizations, YamlOut out) {
    if (localizations == null) {
      return;
    }
    if (localizations.isEmpty()) {
      out.line(YamlOut.IN_APP + "localizations: {}");
      return;
    }
    out.line(YamlOut.IN_APP + "localizations:");
    for (LocalizationSpec l :
        localizations.stream().sorted(Comparator.comparing(LocalizationSpec::locale)).toList()) {
      boolean empty =
          l.description() == null
              && l.feedbackEmail() == null
              && l.marketingUrl() == null
              && l.privacyPolicyUrl() == null
              && l.tvOsPrivacyPolicy() == null;
      out.line(YamlOut.ITEM + out.scalar(l.locale()) + ":" + (empty ? " {}" : ""));
      out.optionalText(YamlOut.IN_ITEM, "description", l.description());
      out.optionalText(YamlOut.IN_ITEM, "feedbackEmail", l.feedbackEmail());
      out.optionalText(YamlOut.IN_ITEM, "marketingUrl", l.marketingUrl());
      out.optionalText(YamlOut.IN_ITEM, "privacyPolicyUrl", l.privacyPolicyUrl());
      out.optionalText(YamlOut.IN_ITEM, "tvOsPrivacyPolicy", l.tvOsPrivacyPolicy());
    }
  }
}
