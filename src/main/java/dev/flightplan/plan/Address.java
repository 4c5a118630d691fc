package dev.flightplan.plan;

import java.util.Comparator;
import java.util.Objects;

/**
 * The natural address of a managed object: the app's bundle id, the resource kind, and the object's
 * key within the app (group name, lower-cased tester email). Rendered as {@code
 * com.example.app/group["QA"]}.
 */
public record Address(String app, String type, String key) implements Comparable<Address> {
  private static final Comparator<Address> ORDER =
      Comparator.comparing(Address::app).thenComparing(Address::type).thenComparing(Address::key);

  public Address {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
  }

  public static Address group(String app, String name) {
    return new Address(app, "group", name);
  }

  public static Address tester(String app, String email) {
    return new Address(app, "tester", email);
  }

  @Override
  public int compareTo(Address o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return app + "/" + type + "[\"" + key + "\"]";
  }

  /** The short human form used inside an app's section: {@code group "QA"}. */
  public String local() {
    // in one buffer of its size: one per action of a plan (the build joins strings with a growing
    // StringBuilder, see the pom)
    return new StringBuilder(type.length() + key.length() + 3)
        .append(type)
        .append(" \"")
        .append(key)
        .append('"')
        .toString();
  }
}
