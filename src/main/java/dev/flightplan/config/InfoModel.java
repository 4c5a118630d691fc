package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the records of an app's beta information from a valid tree: localizations (in file order,
 * keyed by the locale as written), review detail with its password reference, and the invitation
 * policy ({@link InvitationPolicy#DEFAULT} when absent). Keys the file does not write are null: not
 * managed.
 */
final class InfoModel {
  private final PositionMap positions;

  InfoModel(PositionMap positions) {
    this.positions = positions;
  }

  List<LocalizationSpec> localizations(JsonNode map, String at) {
    if (map.isMissingNode()) {
      return null;
    }
    List<LocalizationSpec> result = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode l = entry.getValue();
      result.add(
          new LocalizationSpec(
              entry.getKey(),
              ModelBuilder.optionalText(l, "description"),
              ModelBuilder.optionalText(l, "feedbackEmail"),
              ModelBuilder.optionalText(l, "marketingUrl"),
              ModelBuilder.optionalText(l, "privacyPolicyUrl"),
              ModelBuilder.optionalText(l, "tvOsPrivacyPolicy"),
              positions.key(Pointer.child(at, entry.getKey()))));
    }
    return result;
  }

  ReviewDetailSpec reviewDetail(JsonNode detail, String at) {
    if (detail.isMissingNode()) {
      return null;
    }
    JsonNode password = detail.path("demoAccountPassword");
    String passwordAt = Pointer.child(at, "demoAccountPassword");
    SecretRef secret =
        password.isMissingNode()
            ? null
            : new SecretRef(
                ModelBuilder.optionalText(password, "env"),
                ModelBuilder.optionalText(password, "file"),
                positions.value(passwordAt));
    return new ReviewDetailSpec(
        ModelBuilder.optionalText(detail, "contactEmail"),
        ModelBuilder.optionalText(detail, "contactFirstName"),
        ModelBuilder.optionalText(detail, "contactLastName"),
        ModelBuilder.optionalText(detail, "contactPhone"),
        ModelBuilder.optionalBoolean(detail, "demoAccountRequired"),
        ModelBuilder.optionalText(detail, "demoAccountName"),
        secret,
        ModelBuilder.optionalText(detail, "notes"),
        positions.value(at));
  }

  InvitationPolicy invitations(JsonNode policy, String at) {
    if (policy.isMissingNode()) {
      return InvitationPolicy.DEFAULT;
    }
    Integer resend = policy.has("resendAfterDays") ? policy.get("resendAfterDays").asInt() : null;
    return new InvitationPolicy(policy.path("onAdd").asBoolean(true), resend, positions.value(at));
  }

  /** A mapping of locale to text, in file order (the records sort it); null when absent. */
  static Map<String, String> texts(JsonNode map) {
    if (map.isMissingNode()) {
      return null;
    }
    Map<String, String> result = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
    return result;
  }
}
