package dev.flightplan.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Messy live TestFlight states, one per seed (the same seed gives the same state): a sandbox seed
 * with one or two apps, every kind (test information, groups internal and external with flags,
 * public links, limits and criteria, testers in every state and in many groups, builds processing,
 * failed, expired, internal-only, in every review state, with What to Test, auto-notify, export
 * compliance, App Clip invocations and individual testers), unicode and YAML-hostile names, missing
 * names, and mixed-case emails; plus the public-link joiners to add through {@code
 * SandboxAdmin.joinThroughPublicLink} once the sandbox runs (some without an email). Only states
 * App Store Connect can be in: an external group holds builds that passed review (or expired
 * since), a public link is on only where the group has a build, internal groups hold users of the
 * team.
 */
public final class MessyStates {
  /**
   * A public-link joiner: the group it joins and what App Store Connect knows of it (any of them
   * may be null).
   */
  public record Joiner(
      String bundleId, String group, String email, String firstName, String lastName) {}

  /** The seed file's JSON and the joiners to add afterwards. */
  public record State(String seedJson, List<Joiner> joiners) {}

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final List<String> GROUP_NAMES =
      List.of(
          "QA",
          "Bêta testers",
          "測試組",
          "🚀 Launch",
          "yes",
          "null",
          "2.10",
          "Friends & Family",
          "- dash",
          "#hash",
          "a: b",
          "Ünïcödé \"quoted\"",
          "O'Brien's crew",
          "Tab\tinside",
          "ελληνικά",
          "Trailing dot.",
          "[brackets]",
          "{braces}",
          "*star",
          "!bang",
          "Two  spaces",
          "%percent",
          "@at",
          "`tick`",
          "> folded",
          "| literal",
          "? question",
          "&anchor",
          "~",
          "semi;colon",
          "a, b");
  private static final List<String> NAMES =
      List.of(
          "Zoë",
          "José",
          "Łukasz",
          "李",
          "Ólafur",
          "O'Neil",
          "yes",
          "null",
          "123",
          "Anne-Marie",
          "#1",
          "Name: with colon",
          "Émile",
          "🙂",
          "true",
          " Padded ",
          "x: y",
          "- dash",
          "'quoted'",
          "~",
          "0x1F",
          "1e3",
          "@handle");
  private static final List<String> LOCALES =
      List.of("en-US", "de-DE", "ja", "zh-Hans", "pt-BR", "es-419");
  private static final List<String> STATES =
      List.of("NOT_INVITED", "INVITED", "ACCEPTED", "INSTALLED", "REVOKED");
  private static final List<String> REVIEW =
      List.of("WAITING_FOR_REVIEW", "IN_REVIEW", "REJECTED", "APPROVED");
  private static final List<String> TEXTS =
      List.of(
          "Plain text",
          "Line one\nLine two: details",
          "yes",
          "« Ünïcode » ✓",
          "# not a comment",
          "  leading spaces",
          "trailing newline\n",
          "\"quoted\" and 'single'",
          "null",
          "2.10",
          "Windows\r\nline endings",
          "tab\tinside",
          "trailing spaces  ",
          "two\n\nparagraphs\n\n",
          "line\u2028separator",
          "a very long single line of text that goes on and on well past the eighty columns a YAML writer might fold at, "
              + "and then some more",
          " ",
          "---",
          "key: value",
          "- item");

  private final Random r;
  private final Map<String, Object> seed = new LinkedHashMap<>();
  private final List<Map<String, Object>> users = new ArrayList<>();
  private final List<Map<String, Object>> testers = new ArrayList<>();
  private final List<Map<String, Object>> groups = new ArrayList<>();
  private final List<Map<String, Object>> builds = new ArrayList<>();
  private final List<Joiner> joiners = new ArrayList<>();
  private int people;

  private MessyStates(long seedValue) {
    this.r = new Random(seedValue);
  }

  public static State generate(long seedValue) {
    return new MessyStates(seedValue).build();
  }

  private State build() {
    List<Map<String, Object>> apps = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(2); i++) {
      apps.add(app(i));
    }
    seed.put("apps", apps);
    seed.put("users", users);
    seed.put("testers", testers);
    seed.put("groups", groups);
    seed.put("builds", builds);
    try {
      return new State(
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(seed), List.copyOf(joiners));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> app(int index) {
    String bundleId = "com.example.messy" + index;
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("id", String.valueOf(2000000001L + index));
    app.put("bundleId", bundleId);
    app.put("name", r.nextBoolean() ? "Messy " + pick(NAMES) : "Äpp " + index);
    app.put("sku", "MESSY" + index);
    app.put("primaryLocale", "en-US");
    boolean clip = r.nextBoolean();
    if (clip) {
      app.put("appClips", List.of(Map.of("bundleId", bundleId + ".Clip")));
    }
    List<Map<String, Object>> localizations = new ArrayList<>();
    for (String locale : some(LOCALES, 3)) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("locale", locale);
      maybe(l, "description", pick(TEXTS));
      maybe(l, "feedbackEmail", "feedback@example.com");
      maybe(l, "marketingUrl", "https://example.com/" + locale);
      maybe(l, "privacyPolicyUrl", "https://example.com/privacy?lang=" + locale);
      maybe(l, "tvOsPrivacyPolicy", pick(TEXTS));
      localizations.add(l);
    }
    app.put("localizations", localizations);
    if (r.nextBoolean()) {
      app.put("licenseAgreement", r.nextInt(4) == 0 ? "" : pick(TEXTS));
    }
    if (r.nextBoolean()) {
      Map<String, Object> d = new LinkedHashMap<>();
      maybe(d, "contactEmail", "qa@example.com");
      maybe(d, "contactFirstName", pick(NAMES));
      maybe(d, "contactLastName", pick(NAMES));
      maybe(d, "contactPhone", r.nextBoolean() ? "+1 555 0100" : "ext. 12");
      maybe(d, "demoAccountName", "demo@example.com");
      maybe(d, "demoAccountPassword", "not-a-real-password");
      d.put("demoAccountRequired", r.nextBoolean());
      maybe(d, "notes", pick(TEXTS));
      app.put("reviewDetail", d);
    }
    List<String> groupNames = groups(bundleId);
    appBuilds(bundleId, groupNames, clip);
    return app;
  }

  /** The app's groups and their members; returns the group names. */
  private List<String> groups(String bundleId) {
    List<String> names = some(GROUP_NAMES, 5);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 2 + r.nextInt(8); i++) {
      members.add(person(r.nextInt(3) == 0));
    }
    for (String name : names) {
      boolean internal = r.nextInt(3) == 0;
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("app", bundleId);
      g.put("name", name);
      g.put("isInternalGroup", internal);
      g.put("hasAccessToAllBuilds", internal && r.nextBoolean());
      g.put("feedbackEnabled", r.nextBoolean());
      g.put("iosBuildsAvailableForAppleSiliconMac", r.nextBoolean());
      g.put("iosBuildsAvailableForAppleVision", r.nextBoolean());
      List<String> in = new ArrayList<>();
      for (String email : members) {
        if ((!internal || isUser(email)) && r.nextInt(3) > 0) {
          in.add(email);
        }
      }
      if (internal && r.nextBoolean()) {
        // a user App Store Connect never invited, in this internal group only (what onAdd would
        // invite)
        String uninvited = person(true);
        testers.get(testers.size() - 1).put("state", "NOT_INVITED");
        in.add(uninvited);
      }
      g.put("testers", in);
      g.put("builds", new ArrayList<String>());
      groups.add(g);
    }
    return names;
  }

  /**
   * A new tester (or, with {@code user}, a user of the team, who may join internal groups); returns
   * its email.
   */
  private String person(boolean user) {
    int n = ++people;
    String email =
        (r.nextInt(4) == 0 ? "Mixed.Case" : r.nextInt(12) == 0 ? "first..last" : "tester")
            + n
            + "@example.com";
    String first = r.nextInt(4) == 0 ? null : pick(NAMES);
    String last = r.nextInt(4) == 0 ? null : pick(NAMES);
    if (user) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("email", email);
      u.put("firstName", first == null ? "User" : first);
      u.put("lastName", last == null ? "Of Team" : last);
      users.add(u);
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("email", email);
    t.put("firstName", first);
    t.put("lastName", last);
    t.put("state", pick(STATES));
    testers.add(t);
    return email;
  }

  private boolean isUser(String email) {
    return users.stream().anyMatch(u -> u.get("email").equals(email));
  }

  private void appBuilds(String bundleId, List<String> groupNames, boolean clip) {
    Set<String> labels = new LinkedHashSet<>();
    for (int i = 0; i < 1 + r.nextInt(5); i++) {
      String version = pick(List.of("1.0", "2.3", "2.10"));
      String number = pick(List.of("1", "45", "045", "46.1", String.valueOf(100 + i)));
      String platform = r.nextInt(5) == 0 ? "MAC_OS" : "IOS";
      if (!labels.add(platform + version + "(" + number + ")")) {
        continue;
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("app", bundleId);
      b.put("platform", platform);
      b.put("version", version);
      b.put("number", number);
      String processing =
          r.nextInt(6) == 0 ? pick(List.of("PROCESSING", "FAILED", "INVALID")) : "VALID";
      boolean expired = "VALID".equals(processing) && r.nextInt(3) == 0;
      boolean internalOnly = r.nextInt(5) == 0;
      String review =
          !"VALID".equals(processing) || internalOnly || r.nextInt(4) == 0
              ? null
              : r.nextBoolean() ? "APPROVED" : pick(REVIEW);
      b.put("processingState", processing);
      b.put("expired", expired);
      b.put("uploadedDate", "2026-1" + r.nextInt(2) + "-0" + (1 + r.nextInt(9)) + "T10:00:00Z");
      b.put("buildAudienceType", internalOnly ? "INTERNAL_ONLY" : "APP_STORE_ELIGIBLE");
      b.put("usesNonExemptEncryption", r.nextInt(5) == 0 ? null : r.nextBoolean());
      b.put("autoNotify", r.nextBoolean());
      b.put("reviewState", review);
      Map<String, String> whatsNew = new LinkedHashMap<>();
      some(LOCALES, 2).forEach(l -> whatsNew.put(l, pick(TEXTS)));
      b.put("whatsNew", whatsNew);
      // given before it expired, a build stays in its groups: the seed links expired builds like
      // the others
      boolean testable = "VALID".equals(processing) && b.get("usesNonExemptEncryption") != null;
      boolean external = testable && !internalOnly && "APPROVED".equals(review);
      List<String> individual = new ArrayList<>();
      for (Map<String, Object> g : groups) {
        if (!g.get("app").equals(bundleId)
            || Boolean.TRUE.equals(g.get("hasAccessToAllBuilds"))
            || r.nextBoolean()) {
          continue;
        }
        boolean internal = Boolean.TRUE.equals(g.get("isInternalGroup"));
        if (testable && (internal || external)) {
          @SuppressWarnings("unchecked")
          List<String> groupBuilds = (List<String>) g.get("builds");
          groupBuilds.add(version + " (" + number + ")");
        }
      }
      if (external) {
        testers.stream()
            .filter(t -> r.nextInt(6) == 0)
            .forEach(t -> individual.add((String) t.get("email")));
      }
      b.put("testers", individual);
      if (clip && "IOS".equals(platform)) {
        List<Map<String, Object>> invocations = new ArrayList<>();
        for (int k = 0; k < r.nextInt(4); k++) {
          Map<String, String> titles = new LinkedHashMap<>();
          for (String l : some(LOCALES, 2)) {
            titles.put(l, pick(NAMES) + " " + k);
          }
          if (titles.isEmpty()) {
            titles.put("en-US", "Open " + k);
          }
          invocations.add(
              Map.of(
                  "url",
                  "https://appclip.example.com/o?k=" + k + "&v=" + version,
                  "titles",
                  titles));
        }
        b.put("appClip", Map.of("invocations", invocations));
      }
      builds.add(b);
    }
    publicLinks(bundleId);
  }

  /**
   * External groups with a build may have their public link on, with a limit, criteria and joiners.
   */
  private void publicLinks(String bundleId) {
    for (Map<String, Object> g : groups) {
      if (!g.get("app").equals(bundleId)
          || Boolean.TRUE.equals(g.get("isInternalGroup"))
          || ((List<?>) g.get("builds")).isEmpty()
          || r.nextInt(4) == 0) {
        continue;
      }
      g.put("publicLinkEnabled", r.nextInt(4) > 0);
      if (r.nextBoolean()) {
        g.put("publicLinkLimitEnabled", true);
        g.put("publicLinkLimit", 1 + r.nextInt(10000));
      }
      if (r.nextBoolean()) {
        List<Map<String, String>> criteria = new ArrayList<>();
        for (String family : some(List.of("IPHONE", "IPAD", "APPLE_TV", "MAC", "VISION"), 2)) {
          Map<String, String> c = new LinkedHashMap<>();
          c.put("deviceFamily", family);
          List<String> versions =
              switch (family) {
                case "MAC" -> List.of("13.0", "14.2", "15.0");
                case "VISION" -> List.of("1.0", "2.1");
                default -> List.of("16.0", "17.4", "18.2");
              };
          maybe(c, "minimumOsInclusive", versions.get(0));
          maybe(c, "maximumOsInclusive", versions.get(versions.size() - 1));
          criteria.add(c);
        }
        if (!criteria.isEmpty()) {
          g.put("criteria", criteria);
        }
      }
      if (Boolean.TRUE.equals(g.get("publicLinkEnabled"))) {
        for (int j = 0; j < r.nextInt(4); j++) {
          String email = r.nextInt(3) == 0 ? null : "joiner" + (++people) + "@example.com";
          joiners.add(
              new Joiner(
                  bundleId,
                  (String) g.get("name"),
                  email,
                  r.nextBoolean() ? pick(NAMES) : null,
                  r.nextBoolean() ? pick(NAMES) : null));
        }
      }
    }
  }

  private void maybe(Map<String, ? super String> map, String key, String value) {
    if (r.nextInt(3) > 0) {
      map.put(key, value);
    }
  }

  private <T> T pick(List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** Up to {@code max} distinct items of {@code from}, in a random order. */
  private List<String> some(List<String> from, int max) {
    List<String> copy = new ArrayList<>(from);
    java.util.Collections.shuffle(copy, r);
    return List.copyOf(copy.subList(0, r.nextInt(max + 1)));
  }
}
