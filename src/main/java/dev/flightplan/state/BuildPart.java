package dev.flightplan.state;

import dev.flightplan.api.Document;
import dev.flightplan.api.Resource;
import dev.flightplan.config.BuildSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A part of each build's live state that a kind needs read, declared by that kind: one to-many
 * relationship of the build, which the build reader includes in the builds request with the {@code
 * fields} of its {@code type}, so that it costs no request of its own; {@code decode} turns the
 * related resources into the kind's live value ({@code null}: absent). For the builds whose entry
 * in the file {@link #wanted}s more, {@code complete} says how the rest is read (a request of its
 * own, which the build reader sends), given the decoded value (never null). A saved plan lists
 * those builds under {@code <name>_builds}, so that its staleness check reads the same. {@code
 * fingerprint} gives the fields the value adds to its build's fingerprint, as JSON-ready maps,
 * lists and scalars (also for null: the value is then absent).
 */
public record BuildPart<T>(
    String name,
    String relationship,
    String type,
    List<String> fields,
    Predicate<BuildSpec> wanted,
    Function<List<Resource>, T> decode,
    Completion<T> complete,
    Function<T, Map<String, Object>> fingerprint)
    implements Part<T> {
  public BuildPart {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(type, "type");
    fields = List.copyOf(fields);
    Objects.requireNonNull(wanted, "wanted");
    Objects.requireNonNull(decode, "decode");
    Objects.requireNonNull(complete, "complete");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /**
   * How the rest of a build's part is read, for a build whose entry in the file wants it (the build
   * reader sends it).
   */
  public interface Completion<T> {
    /**
     * The request (path and query) that reads the rest of {@code value} (as the builds request gave
     * it).
     */
    String query(T value);

    /** {@code value} with the rest, from the pages of the answer to {@link #query}. */
    T complete(T value, List<Document> pages);
  }

  @Override
  public void fingerprintInto(T value, Map<String, Object> into) {
    into.putAll(fingerprint.apply(value));
  }

  @Override
  public String toString() {
    return "BuildPart[" + name + "]";
  }
}
