package dev.flightplan.kinds.license;

import java.util.Map;
import java.util.TreeMap;

/** The app's beta license agreement (one per app, always present). */
public record LiveLicense(String id, String text) {
  /** What a saved plan checks of it: all of it. */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put("text", text);
    return f;
  }
}
