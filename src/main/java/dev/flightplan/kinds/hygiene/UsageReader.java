package dev.flightplan.kinds.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.api.Document;
import dev.flightplan.api.Query;
import dev.flightplan.state.TesterActivity;
import dev.flightplan.state.UsageRead;
import java.util.ArrayList;
import java.util.List;

/**
 * How what every tester of an app did in one period is read, for the inactive-tester policy, in the
 * fewest requests the API allows: {@code GET
 * /v1/apps/{id}/metrics/betaTesterUsages?groupBy=betaTesters&period=P90D&limit=200}, one page per
 * 200 testers (the state reader sends it; its client follows {@code links.next} and checks the
 * pages add up to {@code meta.paging.total}). An item may hold several data points (Apple's may
 * split the period): they are summed, and the period is the span they cover. An item without a
 * tester dimension is not a tester's and is skipped.
 */
final class UsageReader implements UsageRead.Reader {
  static final int PAGE = 200;

  /** {@code period}: {@code P7D}, {@code P30D}, {@code P90D} or {@code P365D}. */
  @Override
  public String query(String appId, String period) {
    return Query.of("/v1/apps/" + appId + "/metrics/betaTesterUsages")
        .param("groupBy", "betaTesters")
        .param("period", period)
        .param("limit", PAGE)
        .build();
  }

  @Override
  public List<TesterActivity> decode(Document page) {
    List<TesterActivity> out = new ArrayList<>();
    for (JsonNode item : page.raw().path("data")) {
      JsonNode tester = item.path("dimensions").path("betaTesters").path("data");
      if (!tester.isValueNode() || tester.asText().isEmpty()) {
        continue;
      }
      out.add(activity(tester.asText(), item.path("dataPoints")));
    }
    return out;
  }

  private static TesterActivity activity(String testerId, JsonNode points) {
    int sessions = 0;
    int crashes = 0;
    int feedback = 0;
    String start = null;
    String end = null;
    for (JsonNode p : points) {
      JsonNode v = p.path("values");
      sessions += v.path("sessionCount").asInt(0);
      crashes += v.path("crashCount").asInt(0);
      feedback += v.path("feedbackCount").asInt(0);
      String s = p.path("start").asText(null);
      String e = p.path("end").asText(null);
      start = s != null && (start == null || s.compareTo(start) < 0) ? s : start;
      end = e != null && (end == null || e.compareTo(end) > 0) ? e : end;
    }
    return new TesterActivity(testerId, sessions, crashes, feedback, start, end);
  }
}
