package dev.flightplan.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A build of an app as App Store Connect has it: its version (the pre-release version) and number,
 * whether it can be given to testers, which groups and individual testers have it, and the parts
 * kinds declared of it ({@link BuildPart}). {@code betaDetail} (auto-notify) and {@code whatToTest}
 * (locale → text) are null when not read. A locale App Store Connect holds twice has its kept copy
 * ({@link Copies}: the lowest id) in {@code whatToTest} and the others in {@code whatToTestCopies}.
 */
public record LiveBuild(
    String id,
    String platform,
    String version,
    String number,
    String processingState,
    boolean expired,
    String uploadedDate,
    String audience,
    Boolean usesNonExemptEncryption,
    String reviewState,
    Set<String> groupIds,
    Set<String> individualTesterIds,
    LiveBetaDetail betaDetail,
    Map<String, LiveText> whatToTest,
    List<LiveCopy> whatToTestCopies,
    LiveParts parts) {
  public LiveBuild {
    Objects.requireNonNull(id, "id");
    groupIds = Set.copyOf(groupIds);
    individualTesterIds = Set.copyOf(individualTesterIds);
    whatToTest = whatToTest == null ? null : Map.copyOf(whatToTest);
    whatToTestCopies = whatToTestCopies == null ? List.of() : List.copyOf(whatToTestCopies);
    parts = parts == null ? LiveParts.NOT_READ : parts;
  }

  /** A build with each What to Test locale once. */
  public LiveBuild(
      String id,
      String platform,
      String version,
      String number,
      String processingState,
      boolean expired,
      String uploadedDate,
      String audience,
      Boolean usesNonExemptEncryption,
      String reviewState,
      Set<String> groupIds,
      Set<String> individualTesterIds,
      LiveBetaDetail betaDetail,
      Map<String, LiveText> whatToTest,
      LiveParts parts) {
    this(
        id,
        platform,
        version,
        number,
        processingState,
        expired,
        uploadedDate,
        audience,
        usesNonExemptEncryption,
        reviewState,
        groupIds,
        individualTesterIds,
        betaDetail,
        whatToTest,
        List.of(),
        parts);
  }

  /** A build whose beta detail and What to Test were not read. */
  public LiveBuild(
      String id,
      String platform,
      String version,
      String number,
      String processingState,
      boolean expired,
      String uploadedDate,
      String audience,
      Boolean usesNonExemptEncryption,
      String reviewState,
      Set<String> groupIds,
      Set<String> individualTesterIds,
      LiveParts parts) {
    this(
        id,
        platform,
        version,
        number,
        processingState,
        expired,
        uploadedDate,
        audience,
        usesNonExemptEncryption,
        reviewState,
        groupIds,
        individualTesterIds,
        null,
        null,
        parts);
  }

  /**
   * The value of one of the build's parts; null when it is absent or was not read ({@code
   * parts().read(part)} tells).
   */
  public <T> T part(BuildPart<T> part) {
    return parts.get(part);
  }

  /** A copy with {@code part} holding {@code value}. */
  public <T> LiveBuild withPart(BuildPart<T> part, T value) {
    return new LiveBuild(
        id,
        platform,
        version,
        number,
        processingState,
        expired,
        uploadedDate,
        audience,
        usesNonExemptEncryption,
        reviewState,
        groupIds,
        individualTesterIds,
        betaDetail,
        whatToTest,
        whatToTestCopies,
        parts.with(part, value));
  }

  /** What a saved plan checks of the build: every field read. */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put("platform", platform);
    f.put("version", version);
    f.put("number", number);
    f.put("processingState", processingState);
    f.put("expired", expired);
    f.put("uploadedDate", uploadedDate);
    f.put("audience", audience);
    f.put("usesNonExemptEncryption", usesNonExemptEncryption);
    f.put("reviewState", reviewState);
    f.put("groupIds", Fingerprints.sorted(groupIds));
    f.put("individualTesterIds", Fingerprints.sorted(individualTesterIds));
    f.put("betaDetail", betaDetail == null ? null : betaDetail.fingerprint());
    f.put(
        "whatToTest",
        whatToTest == null ? null : Fingerprints.byLocale(whatToTest, LiveText::fingerprint));
    f.put("whatToTestCopies", whatToTestCopies.stream().map(LiveCopy::fingerprint).toList());
    f.putAll(parts.fingerprint());
    return f;
  }

  /** The build's beta detail: its id and whether testers are notified automatically of it. */
  public record LiveBetaDetail(String id, boolean autoNotify) {
    Map<String, Object> fingerprint() {
      return Fingerprints.idAnd(id, "autoNotify", autoNotify);
    }
  }

  /** A localized text with the id of the resource that holds it. */
  public record LiveText(String id, String text) {
    Map<String, Object> fingerprint() {
      return Fingerprints.idAnd(id, "text", text);
    }
  }

  /**
   * A second (third, ...) copy of a localized text whose locale App Store Connect holds more than
   * once: its locale, the id of the resource that holds it, and its text. The copy kept is in the
   * map beside.
   */
  public record LiveCopy(String locale, String id, String text) {
    public LiveCopy {
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(id, "id");
    }

    public Map<String, Object> fingerprint() {
      Map<String, Object> f = new TreeMap<>();
      f.put("locale", locale);
      f.put("id", id);
      f.put("text", text);
      return f;
    }
  }

  /** Processed and not expired: the only builds that can be given to testers. */
  public boolean usable() {
    return "VALID".equals(processingState) && !expired;
  }

  /** {@code 2.3 (45)}, with the platform when it is not iOS. */
  public String label() {
    return version + " (" + number + ("IOS".equals(platform) ? "" : ", " + platform) + ")";
  }
}
