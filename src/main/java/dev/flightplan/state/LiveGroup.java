package dev.flightplan.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A beta group as App Store Connect has it, with the attributes flightplan manages. {@code
 * publicLink} is the server-generated URL (null while disabled); {@code criteria} the recruitment
 * criteria of the public link, or null when the group has none. {@code createdDate} (an ISO-8601
 * instant, null when not read) tells the original of a name App Store Connect holds twice from its
 * copy ({@link Copies}).
 */
public record LiveGroup(
    String id,
    String name,
    boolean internal,
    boolean accessToAllBuilds,
    boolean feedback,
    boolean publicLinkEnabled,
    boolean publicLinkLimitEnabled,
    Integer publicLinkLimit,
    String publicLink,
    boolean appleSiliconMac,
    boolean appleVision,
    LiveCriteria criteria,
    String createdDate) {
  public LiveGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** A group whose creation date was not read. */
  public LiveGroup(
      String id,
      String name,
      boolean internal,
      boolean accessToAllBuilds,
      boolean feedback,
      boolean publicLinkEnabled,
      boolean publicLinkLimitEnabled,
      Integer publicLinkLimit,
      String publicLink,
      boolean appleSiliconMac,
      boolean appleVision,
      LiveCriteria criteria) {
    this(
        id,
        name,
        internal,
        accessToAllBuilds,
        feedback,
        publicLinkEnabled,
        publicLinkLimitEnabled,
        publicLinkLimit,
        publicLink,
        appleSiliconMac,
        appleVision,
        criteria,
        null);
  }

  /**
   * A group with only the settings of the first release read (no link details, flags or criteria).
   */
  public LiveGroup(
      String id,
      String name,
      boolean internal,
      boolean accessToAllBuilds,
      boolean feedback,
      boolean publicLinkEnabled) {
    this(
        id,
        name,
        internal,
        accessToAllBuilds,
        feedback,
        publicLinkEnabled,
        false,
        null,
        null,
        false,
        false,
        null);
  }

  /** What a saved plan checks of the group: every field the API gave. */
  Map<String, Object> fingerprint() {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put("name", name);
    f.put("internal", internal);
    f.put("accessToAllBuilds", accessToAllBuilds);
    f.put("feedback", feedback);
    f.put("publicLinkEnabled", publicLinkEnabled);
    f.put("publicLinkLimitEnabled", publicLinkLimitEnabled);
    f.put("publicLinkLimit", publicLinkLimit);
    f.put("publicLink", publicLink);
    f.put("appleSiliconMac", appleSiliconMac);
    f.put("appleVision", appleVision);
    f.put("criteria", criteria == null ? null : criteria.fingerprint());
    f.put("createdDate", createdDate);
    return f;
  }

  /**
   * The recruitment criteria of a group's public link: its id and its filters, in the API's form.
   */
  public record LiveCriteria(String id, List<Filter> filters) {
    public LiveCriteria {
      Objects.requireNonNull(id, "id");
      filters = List.copyOf(filters);
    }

    Map<String, Object> fingerprint() {
      Map<String, Object> f = new TreeMap<>();
      f.put("id", id);
      f.put("filters", filters.stream().map(Filter::fingerprint).toList());
      return f;
    }
  }

  /** One device family and its inclusive OS range (either bound may be null). */
  public record Filter(String deviceFamily, String minOs, String maxOs) {
    Map<String, Object> fingerprint() {
      Map<String, Object> f = new TreeMap<>();
      f.put("deviceFamily", deviceFamily);
      f.put("minOs", minOs);
      f.put("maxOs", maxOs);
      return f;
    }

    /** {@code IPHONE 17.0+}, {@code IPAD 16.0–18.2}, {@code MAC (any)}: how plans show a filter. */
    public String label() {
      if (minOs == null && maxOs == null) {
        return deviceFamily + " (any)";
      }
      if (maxOs == null) {
        return deviceFamily + " " + minOs + "+";
      }
      return deviceFamily + " " + (minOs == null ? "" : minOs) + "–" + maxOs;
    }
  }
}
