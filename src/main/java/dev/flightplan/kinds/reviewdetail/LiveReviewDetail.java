package dev.flightplan.kinds.reviewdetail;

import java.util.Map;
import java.util.TreeMap;

/**
 * The app's beta review details (one per app, always present). The demo password is held only to
 * compare it; {@link #toString()} never shows it, and its fingerprint leaves it out.
 */
public record LiveReviewDetail(
    String id,
    String contactEmail,
    String contactFirstName,
    String contactLastName,
    String contactPhone,
    Boolean demoAccountRequired,
    String demoAccountName,
    String demoAccountPassword,
    String notes) {
  /**
   * What a saved plan checks of it: everything but the password (not even a hash: a weak one falls
   * to a dictionary).
   */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put("contactEmail", contactEmail);
    f.put("contactFirstName", contactFirstName);
    f.put("contactLastName", contactLastName);
    f.put("contactPhone", contactPhone);
    f.put("demoAccountRequired", demoAccountRequired);
    f.put("demoAccountName", demoAccountName);
    f.put("notes", notes);
    return f;
  }

  @Override
  public String toString() {
    return "LiveReviewDetail[id="
        + id
        + ", contactEmail="
        + contactEmail
        + ", demoAccountRequired="
        + demoAccountRequired
        + ", demoAccountName="
        + demoAccountName
        + ", demoAccountPassword="
        + (demoAccountPassword == null ? "null" : "(sensitive)")
        + "]";
  }
}
