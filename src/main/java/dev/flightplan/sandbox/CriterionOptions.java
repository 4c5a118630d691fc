package dev.flightplan.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue {@code GET /v1/betaRecruitmentCriterionOptions} answers: for each device family a
 * public link can recruit, the OS versions a criterion may name, oldest first. The lists are ours,
 * modelled on Apple's (every minor release from iOS 15.0 up to 26.1, patch releases left out, as
 * Apple lists them); Apple Watch is not a recruitable family. The order also defines how versions
 * compare.
 */
final class CriterionOptions {
  /** Device family to its OS versions, in the order the API lists them. */
  static final Map<String, List<String>> VERSIONS = catalogue();

  private CriterionOptions() {}

  private static Map<String, List<String>> catalogue() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    List<String> ios = versions(new int[][] {{15, 8}, {16, 7}, {17, 7}, {18, 7}, {26, 1}});
    all.put("IPHONE", ios);
    all.put("IPAD", ios);
    all.put("APPLE_TV", versions(new int[][] {{15, 6}, {16, 6}, {17, 6}, {18, 6}, {26, 1}}));
    all.put("MAC", versions(new int[][] {{12, 7}, {13, 7}, {14, 8}, {15, 7}, {26, 1}}));
    all.put("VISION", versions(new int[][] {{1, 3}, {2, 6}, {26, 1}}));
    return java.util.Collections.unmodifiableMap(all);
  }

  /** "major.0" to "major.lastMinor" for each {major, lastMinor} pair. */
  private static List<String> versions(int[][] majors) {
    List<String> versions = new ArrayList<>();
    for (int[] major : majors) {
      for (int minor = 0; minor <= major[1]; minor++) {
        versions.add(major[0] + "." + minor);
      }
    }
    return List.copyOf(versions);
  }

  /**
   * Compares dotted version strings numerically ("16.10" after "16.9"); non-numeric parts compare
   * as text.
   */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c;
      try {
        c = Long.compare(Long.parseLong(p), Long.parseLong(q));
      } catch (NumberFormatException e) {
        c = p.compareTo(q);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * Checks a criterion's filters against the catalogue: a family the options list, at most one
   * filter per family, listed OS versions, and min at most max. {@code pointer} is where the filter
   * array sits in the request.
   */
  static void check(List<Criterion.OsFilter> filters, String pointer) {
    if (filters.isEmpty()) {
      throw ApiException.attributeInvalid(
          pointer, "Recruitment criteria need at least one device family filter.");
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      Criterion.OsFilter f = filters.get(i);
      String at = pointer + "/" + i;
      List<String> versions = VERSIONS.get(f.deviceFamily());
      if (versions == null) {
        throw ApiException.attributeInvalid(
            at + "/deviceFamily",
            "'"
                + f.deviceFamily()
                + "' is not a device family public links can recruit; the options are "
                + String.join(", ", VERSIONS.keySet())
                + ".");
      }
      if (seen.contains(f.deviceFamily())) {
        throw ApiException.attributeInvalid(
            at + "/deviceFamily",
            "The device family '" + f.deviceFamily() + "' is given more than once.");
      }
      seen.add(f.deviceFamily());
      checkVersion(versions, f.minimumOsInclusive(), f.deviceFamily(), at + "/minimumOsInclusive");
      checkVersion(versions, f.maximumOsInclusive(), f.deviceFamily(), at + "/maximumOsInclusive");
      if (f.minimumOsInclusive() != null
          && f.maximumOsInclusive() != null
          && compare(f.minimumOsInclusive(), f.maximumOsInclusive()) > 0) {
        throw ApiException.attributeInvalid(
            at + "/maximumOsInclusive",
            "The maximum OS version "
                + f.maximumOsInclusive()
                + " is below the minimum "
                + f.minimumOsInclusive()
                + ".");
      }
    }
  }

  private static void checkVersion(
      List<String> versions, String version, String family, String pointer) {
    if (version != null && !versions.contains(version)) {
      throw ApiException.attributeInvalid(
          pointer,
          "'"
              + version
              + "' is not an OS version offered for "
              + family
              + " (see betaRecruitmentCriterionOptions).");
    }
  }

  /** The device families a build of {@code platform} runs on. */
  static List<String> families(String platform) {
    return switch (platform) {
      case "IOS" -> List.of("IPHONE", "IPAD");
      case "TV_OS" -> List.of("APPLE_TV");
      case "MAC_OS" -> List.of("MAC");
      default -> List.of("VISION");
    };
  }
}
