package dev.flightplan.kinds;

import dev.flightplan.config.SchemaPatterns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One app being pulled, as the kinds fill in their parts of the file: what the file cannot hold and
 * is left out (a comment each), what the summary counts and remarks, and a note a kind keeps for
 * writing its part ({@link #memo}). {@code apps}: how many apps the pull writes.
 */
public final class Pulling {
  private final String bundleId;
  private final int apps;
  private final List<String> leftOut;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<String> remarks = new ArrayList<>();
  private final Map<String, String> memos = new LinkedHashMap<>();

  /** {@code leftOut}: where the notes go, after those of the app's groups, testers and builds. */
  public Pulling(String bundleId, int apps, List<String> leftOut) {
    this.bundleId = Objects.requireNonNull(bundleId, "bundleId");
    this.apps = apps;
    this.leftOut = leftOut;
  }

  public String bundleId() {
    return bundleId;
  }

  public int apps() {
    return apps;
  }

  /** Says that {@code note} is left out of the file, so left as it is in App Store Connect. */
  public void leftOut(String note) {
    leftOut.add(note);
  }

  /**
   * The value when the file accepts it (schema {@code rule}); otherwise null (left as it is) and a
   * note saying so.
   */
  public String checked(String value, String rule, String what) {
    String v = blankToNull(value);
    if (v != null && !SchemaPatterns.accepts(rule, v)) {
      leftOut(what + " \"" + v + "\": not a value this file accepts");
      return null;
    }
    return v;
  }

  public static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** How many {@code noun}s (singular) the pulled app describes, for the summary. */
  public void count(String noun, int n) {
    counts.put(noun, n);
  }

  /** A line the summary shows under the app. */
  public void remark(String text) {
    remarks.add(text);
  }

  /**
   * A note the kind {@code kind} ({@link Kind#key}) keeps for writing its part of the file, such as
   * the variable a commented-out secret names.
   */
  public void memo(String kind, String value) {
    memos.put(kind, value);
  }

  public Map<String, Integer> counts() {
    return Collections.unmodifiableMap(counts);
  }

  public List<String> remarks() {
    return Collections.unmodifiableList(remarks);
  }

  public Map<String, String> memos() {
    return Collections.unmodifiableMap(memos);
  }
}
