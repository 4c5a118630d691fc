package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Quote;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rules about builds that JSON Schema cannot say: each build at most once in a group's, a
 * tester's and the app's list (by platform, version and number, or latest), version strings written
 * as numbers still reading as versions, and each App Clip invocation URL at most once per build.
 * The same build given to a group and to a tester is fine, and so is submitting the latest build of
 * a version for review.
 */
final class BuildRules {
  private final Checks checks;
  private final LocaleRules locales;

  BuildRules(Checks checks, LocaleRules locales) {
    this.checks = checks;
    this.locales = locales;
  }

  /**
   * The builds a group or a tester (the object {@code owner} at {@code ownerAt}) gets, its {@code
   * builds}: {@code name} is how messages name the owner ("group \"QA\""). No pointers are made for
   * an owner without builds, as most testers are.
   */
  void refs(JsonNode owner, String ownerAt, Supplier<String> name) {
    if (!owner.has("builds")) {
      return;
    }
    String at = Pointer.child(ownerAt, "builds");
    Map<String, String> seen = new HashMap<>();
    JsonNode list = Checks.list(owner.get("builds"));
    for (int i = 0; i < list.size(); i++) {
      String entry = Pointer.child(at, i);
      BuildRef ref = ref(list.get(i), entry);
      if (ref != null) {
        checks.unique(
            seen,
            key(ref),
            entry,
            () -> "build " + ref.label() + " is listed twice for " + name.get());
      }
    }
  }

  /** The app's {@code builds:}, what the file wants of each. */
  void specs(JsonNode specs, String at) {
    Map<String, String> seen = new HashMap<>();
    JsonNode list = Checks.list(specs);
    for (int i = 0; i < list.size(); i++) {
      String entry = Pointer.child(at, i);
      JsonNode spec = list.get(i);
      BuildRef ref = ref(spec, entry);
      if (ref != null) {
        checks.unique(
            seen,
            key(ref),
            entry,
            () -> "build " + ref.label() + " is described twice in \"builds\"");
      }
      locales.keys(spec.path("whatToTest"), Pointer.child(entry, "whatToTest"));
      invocations(spec.path("appClipInvocations"), Pointer.child(entry, "appClipInvocations"), ref);
    }
  }

  private void invocations(JsonNode invocations, String at, BuildRef ref) {
    Map<String, String> urls = new HashMap<>();
    JsonNode list = Checks.list(invocations);
    for (int i = 0; i < list.size(); i++) {
      String entry = Pointer.child(at, i);
      String url = checks.text(list.get(i), entry, "url");
      if (url != null) {
        checks.unique(
            urls,
            url,
            Pointer.child(entry, "url"),
            () ->
                "App Clip invocation "
                    + Quote.of(url)
                    + " is listed twice for "
                    + (ref != null ? "build " + ref.label() : "this build"));
      }
      locales.keys(list.get(i).path("title"), Pointer.child(entry, "title"));
    }
  }

  /**
   * The build an entry names, or null when the schema rejected any part of it (it has said why).
   */
  private BuildRef ref(JsonNode node, String at) {
    if (!node.isObject() || !checks.valid(at)) {
      return null;
    }
    String version = checks.written(node, at, "version", "appVersion");
    String number = node.has("number") ? checks.written(node, at, "number", "buildNumber") : null;
    boolean latest = node.path("latest").asBoolean(false);
    String platformAt = Pointer.child(at, "platform");
    String platform = node.has("platform") ? checks.text(node, at, "platform") : "IOS";
    if (version == null
        || platform == null
        || (number == null) != latest
        || node.has("number") && number == null
        || !checks.valid(Pointer.child(at, "latest"))
        || !checks.valid(platformAt)) {
      return null;
    }
    return new BuildRef(platform, version, number, latest, checks.positions().value(at));
  }

  private static String key(BuildRef ref) {
    return ref.platform()
        + " "
        + ref.version()
        + " "
        + (ref.latest() ? "latest" : "#" + ref.number());
  }
}
