package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What {@code apply --wait} watches of the builds it waits for: processing, expiry and beta review,
 * read for up to 200 listed builds in one request ({@code filter[id]}), whatever apps they belong
 * to; and for each build App Store Connect did not list yet, one request that looks for it by app,
 * platform, version and number.
 */
public final class BuildStatuses {
  /**
   * How far a build is: its processing state, whether it expired, and its beta review state (null:
   * never submitted).
   */
  public record Status(String processingState, boolean expired, String reviewState) {}

  /**
   * Where a build not listed yet will appear: the app's id, the platform, the app version and the
   * build number.
   */
  public record Where(String appId, String platform, String version, String number) {
    public Where {
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(number, "number");
    }

    /** What names the build until it has an id. */
    public String key() {
      return "unlisted:" + appId + "/" + platform + "/" + version + "/" + number;
    }
  }

  private BuildStatuses() {}

  /**
   * The status of each build of {@code ids} App Store Connect lists (a deleted build is left out),
   * and of each build of {@code unlisted} it lists now, by {@link Where#key()}.
   */
  public static Map<String, Status> read(AscClient client, List<String> ids, List<Where> unlisted) {
    Map<String, Status> out = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += StateReader.PAGE) {
      List<String> chunk =
          new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + StateReader.PAGE)));
      statuses(client, fields(Query.of("/v1/builds").param("filter[id]", chunk)), out::put);
    }
    for (Where where : unlisted) {
      statuses(
          client,
          fields(
              Query.of("/v1/builds")
                  .param("filter[app]", where.appId())
                  .param("filter[preReleaseVersion.platform]", where.platform())
                  .param("filter[preReleaseVersion.version]", where.version())
                  .param("filter[version]", where.number())),
          (id, status) -> out.put(where.key(), status));
    }
    return out;
  }

  private static String fields(Query query) {
    return query
        .param("fields[builds]", List.of("processingState", "expired", "betaAppReviewSubmission"))
        .param("include", "betaAppReviewSubmission")
        .param("fields[betaAppReviewSubmissions]", "betaReviewState")
        .param("limit", StateReader.PAGE)
        .build();
  }

  private static void statuses(AscClient client, String query, BiConsumer<String, Status> found) {
    for (Document page : client.getAll(query)) {
      for (Resource b : page.data()) {
        String review =
            b.toOne("betaAppReviewSubmission")
                .flatMap(page::findIncluded)
                .map(r -> r.string("betaReviewState"))
                .orElse(null);
        found.accept(
            b.id(),
            new Status(
                b.string("processingState"), Boolean.TRUE.equals(b.bool("expired")), review));
      }
    }
  }
}
