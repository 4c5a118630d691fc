package dev.flightplan.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A build of an app as App Store Connect has it: its version (the pre-release version) and number, whether it can
 * be given to testers, which groups and individual testers have it, and its App Clip bundle (null when it has
 * none). {@code invocations} is null when they were not read (the file does not manage them for this build);
 * {@code betaDetail} (auto-notify) and {@code whatToTest} (locale → text) are null when not read. A locale App Store
 * Connect holds twice has its kept copy ({@link Copies}: the lowest id) in {@code whatToTest} and the others in
 * {@code whatToTestCopies}.
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
    String appClipBundleId,
    List<LiveInvocation> invocations,
    LiveBetaDetail betaDetail,
    Map<String, LiveText> whatToTest,
    List<LiveCopy> whatToTestCopies) {
  public LiveBuild {
    Objects.requireNonNull(id, "id");
    groupIds = Set.copyOf(groupIds);
    individualTesterIds = Set.copyOf(individualTesterIds);
    invocations = invocations == null ? null : List.copyOf(invocations);
    whatToTest = whatToTest == null ? null : Map.copyOf(whatToTest);
    whatToTestCopies = whatToTestCopies == null ? List.of() : List.copyOf(whatToTestCopies);
  }

  /** A build with each What to Test locale once. */
  public LiveBuild(
      String id, String platform, String version, String number, String processingState, boolean expired, String uploadedDate,
      String audience, Boolean usesNonExemptEncryption, String reviewState, Set<String> groupIds, Set<String> individualTesterIds,
      String appClipBundleId, List<LiveInvocation> invocations, LiveBetaDetail betaDetail, Map<String, LiveText> whatToTest) {
    this(id, platform, version, number, processingState, expired, uploadedDate, audience, usesNonExemptEncryption, reviewState,
        groupIds, individualTesterIds, appClipBundleId, invocations, betaDetail, whatToTest, List.of());
  }

  /** A build whose beta detail and What to Test were not read. */
  public LiveBuild(
      String id, String platform, String version, String number, String processingState, boolean expired, String uploadedDate,
      String audience, Boolean usesNonExemptEncryption, String reviewState, Set<String> groupIds, Set<String> individualTesterIds,
      String appClipBundleId, List<LiveInvocation> invocations) {
    this(id, platform, version, number, processingState, expired, uploadedDate, audience, usesNonExemptEncryption, reviewState,
        groupIds, individualTesterIds, appClipBundleId, invocations, null, null);
  }

  /** A copy with other invocations. */
  public LiveBuild withInvocations(List<LiveInvocation> invocations) {
    return new LiveBuild(id, platform, version, number, processingState, expired, uploadedDate, audience, usesNonExemptEncryption,
        reviewState, groupIds, individualTesterIds, appClipBundleId, invocations, betaDetail, whatToTest, whatToTestCopies);
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
    f.put("appClipBundleId", appClipBundleId);
    f.put("invocations", invocations == null ? null : invocations.stream().map(LiveInvocation::fingerprint).toList());
    f.put("betaDetail", betaDetail == null ? null : betaDetail.fingerprint());
    f.put("whatToTest", whatToTest == null ? null : texts(whatToTest, LiveText::fingerprint));
    f.put("whatToTestCopies", whatToTestCopies.stream().map(LiveCopy::fingerprint).toList());
    return f;
  }

  private static <T> Map<String, Object> texts(Map<String, T> byLocale, java.util.function.Function<T, Map<String, Object>> fingerprint) {
    Map<String, Object> f = new TreeMap<>();
    byLocale.forEach((locale, t) -> f.put(locale, fingerprint.apply(t)));
    return f;
  }

  /** The fingerprint of a resource with an id and one field. */
  private static Map<String, Object> idAnd(String id, String field, Object value) {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put(field, value);
    return f;
  }

  /** The build's beta detail: its id and whether testers are notified automatically of it. */
  public record LiveBetaDetail(String id, boolean autoNotify) {
    Map<String, Object> fingerprint() {
      return idAnd(id, "autoNotify", autoNotify);
    }
  }

  /** A localized text with the id of the resource that holds it. */
  public record LiveText(String id, String text) {
    Map<String, Object> fingerprint() {
      return idAnd(id, "text", text);
    }
  }

  /**
   * A second (third, ...) copy of a localized text whose locale App Store Connect holds more than once: its locale,
   * the id of the resource that holds it, and its text. The copy kept is in the map beside.
   */
  public record LiveCopy(String locale, String id, String text) {
    public LiveCopy {
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(id, "id");
    }

    Map<String, Object> fingerprint() {
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

  /**
   * A beta App Clip invocation of the build's App Clip: its URL and its titles by locale (the kept copy of a locale
   * App Store Connect holds twice; the others in {@code titleCopies}).
   */
  public record LiveInvocation(String id, String url, Map<String, LiveTitle> titles, List<LiveCopy> titleCopies) {
    public LiveInvocation {
      Objects.requireNonNull(id, "id");
      titles = Map.copyOf(titles);
      titleCopies = titleCopies == null ? List.of() : List.copyOf(titleCopies);
    }

    /** An invocation with each locale's title once. */
    public LiveInvocation(String id, String url, Map<String, LiveTitle> titles) {
      this(id, url, titles, List.of());
    }

    Map<String, Object> fingerprint() {
      Map<String, Object> f = new TreeMap<>();
      f.put("id", id);
      f.put("url", url);
      f.put("titles", texts(titles, LiveTitle::fingerprint));
      f.put("titleCopies", titleCopies.stream().map(LiveCopy::fingerprint).toList());
      return f;
    }
  }

  /** One localized title of an invocation, with the id of its localization resource. */
  public record LiveTitle(String id, String title) {
    Map<String, Object> fingerprint() {
      return idAnd(id, "title", title);
    }
  }
}
