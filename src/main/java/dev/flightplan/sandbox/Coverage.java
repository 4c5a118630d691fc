package dev.flightplan.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the sandbox answers a request no route serves, so that no operation of Apple's document meets
 * a status it does not declare. Under a resource type whose every operation the sandbox serves (the
 * TestFlight types but builds), Apple's own answers: 404 {@code NOT_FOUND} for an unknown path, 405
 * for a method the path does not offer. Under any other type of Apple's API (apps, builds, users,
 * bundleIds, ...) the operation may exist but is not emulated: 403 {@code FORBIDDEN_ERROR}, which
 * every operation declares, as for a key whose role may not use it. Anything else (a type Apple
 * does not have) is a 404.
 */
final class Coverage {
  /** The types whose every operation in Apple's document the sandbox serves. */
  private static final Set<String> FULLY_SERVED =
      Set.of(
          "betaTesters",
          "betaGroups",
          "betaTesterInvitations",
          "betaRecruitmentCriteria",
          "betaRecruitmentCriterionOptions",
          "preReleaseVersions",
          "betaAppLocalizations",
          "betaBuildLocalizations",
          "betaLicenseAgreements",
          "betaAppClipInvocations",
          "betaAppClipInvocationLocalizations",
          "buildBetaDetails",
          "buildBetaNotifications",
          "betaAppReviewDetails",
          "betaAppReviewSubmissions");

  private static final Set<String> APPLE_TYPES = read("/sandbox/apple-resource-types.txt");

  private Coverage() {}

  /**
   * The answer to {@code method template} when no route serves it; {@code pathServed}: another
   * method does.
   */
  static ApiException unserved(String method, String template, boolean pathServed) {
    String[] segments = template.split("/");
    boolean apple =
        segments.length > 2 && segments[1].matches("v[1-3]") && APPLE_TYPES.contains(segments[2]);
    if (apple && !FULLY_SERVED.contains(segments[2])) {
      return ApiException.notEmulated(method + " " + template);
    }
    return pathServed ? ApiException.methodNotAllowed(method) : ApiException.pathNotFound();
  }

  private static Set<String> read(String resource) {
    try (InputStream in = Coverage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
