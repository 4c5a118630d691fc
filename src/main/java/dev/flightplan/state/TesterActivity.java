package dev.flightplan.state;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one tester of an app did in the period of Apple's usage metrics that the app's
 * inactive-tester policy asked for: sessions, crashes and feedback summed over {@code [periodStart,
 * periodEnd)} (App Store Connect's days, so its clock, not this machine's). Read only for apps
 * whose file asks for them (a kind's {@link UsageRead}).
 */
public record TesterActivity(
    String testerId,
    int sessions,
    int crashes,
    int feedback,
    String periodStart,
    String periodEnd) {
  public TesterActivity {
    Objects.requireNonNull(testerId, "testerId");
  }

  /** What a saved plan checks of it: what the tester did, not the period, which moves every day. */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new TreeMap<>();
    f.put("testerId", testerId);
    f.put("sessions", sessions);
    f.put("crashes", crashes);
    f.put("feedback", feedback);
    return f;
  }
}
