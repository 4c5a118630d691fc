package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code apply --wait} watches of the builds it waits for: processing, expiry and beta review, read for up to
 * 200 builds in one request ({@code filter[id]}), whatever apps they belong to.
 */
public final class BuildStatuses {
  /** How far a build is: its processing state, whether it expired, and its beta review state (null: never submitted). */
  public record Status(String processingState, boolean expired, String reviewState) {}

  private BuildStatuses() {}

  /** The status of each build of {@code ids} App Store Connect still lists (a deleted build is left out). */
  public static Map<String, Status> read(AscClient client, List<String> ids) {
    Map<String, Status> out = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += StateReader.PAGE) {
      List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + StateReader.PAGE)));
      String query = Query.of("/v1/builds")
          .param("filter[id]", String.join(",", chunk))
          .param("fields[builds]", "processingState,expired,betaAppReviewSubmission")
          .param("include", "betaAppReviewSubmission")
          .param("fields[betaAppReviewSubmissions]", "betaReviewState")
          .param("limit", StateReader.PAGE)
          .build();
      for (Document page : client.getAll(query)) {
        for (Resource b : page.data()) {
          String review = b.toOne("betaAppReviewSubmission").flatMap(page::findIncluded)
              .map(r -> r.string("betaReviewState")).orElse(null);
          out.put(b.id(), new Status(b.string("processingState"), Boolean.TRUE.equals(b.bool("expired")), review));
        }
      }
    }
    return out;
  }
}
