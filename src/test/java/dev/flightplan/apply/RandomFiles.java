package dev.flightplan.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random desired-state files for the demo sandbox's app {@code com.example.weather}, touching every
 * kind: groups (internal and external, members, builds, public link, criteria), testers (names,
 * groups, individual builds), localizations, license agreement, review detail, and builds (export
 * compliance, auto-notify, What to Test, App Clip invocations with titles). Each file is one App
 * Store Connect accepts: applied one after another they move the live state between random states,
 * so that each plan has creates, updates, removals and references in many shapes.
 */
final class RandomFiles {
  private static final String[] LOCALES = {"en-US", "de-DE", "fr-FR"};
  private static final String[] EXTERNAL = {"Friends & Family", "Old Beta", "Beta One", "Beta Two"};
  private static final String[] USERS = {
    "alice@example.com", "bob@example.com", "erin@example.com"
  };
  private static final String[] CLIPS = {
    "https://appclip.example.com/forecast",
    "https://appclip.example.com/radar",
    "https://appclip.example.com/alerts"
  };

  private final Random random;
  private final StringBuilder yaml = new StringBuilder();

  private RandomFiles(long seed) {
    this.random = new Random(seed);
  }

  /** The file for {@code seed}, and whether it should be planned with {@code --prune}. */
  record File(String yaml, boolean prune) {}

  static File of(long seed) {
    return new RandomFiles(seed).file();
  }

  private File file() {
    boolean prune = random.nextBoolean();
    line(0, "version: 1");
    line(0, "apps:");
    line(1, "- bundleId: com.example.weather");
    line(
        2,
        "manage: { groups: "
            + (chance(0.4) ? "all" : "listed")
            + ", testers: "
            + (chance(0.5) ? "exclusive" : "additive")
            + " }");
    localizations();
    line(2, "licenseAgreement: \"Agreement " + random.nextInt(5) + "\"");
    line(
        2,
        "reviewDetail: { contactFirstName: Jo"
            + random.nextInt(3)
            + ", notes: \"note "
            + random.nextInt(3)
            + "\" }");
    List<String> testers = groups();
    testers(testers);
    builds();
    return new File(yaml.toString(), prune);
  }

  private void localizations() {
    line(2, "localizations:");
    for (String locale : some(LOCALES, 1)) {
      line(
          3,
          locale
              + ": { description: \"About "
              + random.nextInt(4)
              + "\", feedbackEmail: beta"
              + random.nextInt(2)
              + "@example.com }");
    }
  }

  /** The groups; returns the external testers they name. */
  private List<String> groups() {
    line(2, "groups:");
    line(3, "- name: QA");
    line(4, "internal: true");
    line(4, "accessToAllBuilds: true");
    line(4, "feedback: " + random.nextBoolean());
    line(4, "testers: [" + String.join(", ", some(USERS, 0)) + "]");
    List<String> external = new ArrayList<>();
    for (String name : some(EXTERNAL, 1)) {
      List<String> members = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        if (chance(0.35)) {
          members.add("t" + i + "@example.com");
        }
      }
      for (String seeded :
          new String[] {"carol@example.com", "frank@example.com", "grace@example.com"}) {
        if (chance(0.3)) {
          members.add(seeded);
        }
      }
      members.stream().filter(m -> !external.contains(m)).forEach(external::add);
      line(3, "- name: " + name);
      line(4, "feedback: " + random.nextBoolean());
      line(4, "testers: [" + String.join(", ", members) + "]");
      if (chance(0.6)) {
        // the build every external group can have (processed, approved); a public link needs it
        line(4, "builds: [{ version: \"2.3\", number: \"44\" }]");
        if (chance(0.6)) {
          boolean enabled = random.nextBoolean();
          String criteria =
              chance(0.5)
                  ? ", criteria: [{ deviceFamily: IPHONE, minOs: \"1"
                      + (6 + random.nextInt(2))
                      + ".0\" }]"
                  : "";
          line(
              4,
              "publicLink: { enabled: "
                  + enabled
                  + (enabled && chance(0.5) ? ", limit: " + (10 + random.nextInt(90)) : "")
                  + criteria
                  + " }");
        }
      }
    }
    return external;
  }

  /**
   * Entries for some of the external testers: names, and the approved build given to them
   * individually.
   */
  private void testers(List<String> external) {
    List<String> entries = new ArrayList<>();
    for (String email : external) {
      if (chance(0.4)) {
        String builds = chance(0.4) ? ", builds: [{ version: \"2.3\", number: \"44\" }]" : "";
        entries.add(
            "- { email: "
                + email
                + ", firstName: F"
                + random.nextInt(3)
                + ", lastName: L"
                + builds
                + " }");
      }
    }
    if (!entries.isEmpty()) {
      line(2, "testers:");
      entries.forEach(e -> line(3, e));
    }
  }

  private void builds() {
    line(2, "builds:");
    line(3, "- version: \"2.3\"");
    line(4, "number: \"44\"");
    whatToTest();
    invocations();
    line(3, "- version: \"2.3\"");
    line(4, "number: \"45\"");
    line(4, "usesNonExemptEncryption: false");
    line(4, "autoNotify: " + random.nextBoolean());
    whatToTest();
    invocations();
  }

  private void whatToTest() {
    List<String> locales = some(LOCALES, 0);
    if (!locales.isEmpty()) {
      List<String> entries = new ArrayList<>();
      locales.forEach(l -> entries.add(l + ": \"Try " + random.nextInt(3) + "\""));
      line(4, "whatToTest: { " + String.join(", ", entries) + " }");
    }
  }

  /** None to three invocations; none is an empty list, which removes those the build has. */
  private void invocations() {
    List<String> urls = some(CLIPS, 0);
    line(4, "appClipInvocations:" + (urls.isEmpty() ? " []" : ""));
    for (String url : urls) {
      List<String> titles = new ArrayList<>();
      // one title most of the time, so that changing it means adding one and removing the other
      for (String locale :
          chance(0.7) ? List.of(LOCALES[random.nextInt(LOCALES.length)]) : some(LOCALES, 1)) {
        titles.add(locale + ": \"Open " + random.nextInt(3) + "\"");
      }
      line(5, "- url: " + url);
      line(6, "title: { " + String.join(", ", titles) + " }");
    }
  }

  /** A random subset of {@code items}, in their order, with at least {@code least} of them. */
  private List<String> some(String[] items, int least) {
    List<String> out = new ArrayList<>();
    do {
      out.clear();
      for (String item : items) {
        if (random.nextBoolean()) {
          out.add(item);
        }
      }
    } while (out.size() < least);
    return out;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private void line(int depth, String text) {
    yaml.append("  ".repeat(depth)).append(text).append('\n');
  }
}
