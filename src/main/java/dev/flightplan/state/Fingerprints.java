package dev.flightplan.state;

import dev.flightplan.config.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The fingerprint of every live object a plan read: a pure function from a {@link LiveState} to a sorted map from
 * the object's address ({@code com.example.app/group["QA"]}, the form plans use) to the SHA-256 of its canonical
 * fields. A saved plan keeps this map; apply recomputes it from a fresh read and refuses the plan if any entry
 * changed, appeared or disappeared.
 *
 * <p>Each app has its own entry (its id and bundle id), one per group, tester and build, and one for the parts
 * the kinds declared ({@link AppPart}: the app's beta information), which each part fingerprints explicitly. The
 * group, tester and build records are still fingerprinted field by field by reflection (every record component,
 * recursively, except the volatile ones listed in {@link #KINDS}, which change on their own and decide nothing in
 * a plan).
 */
public final class Fingerprints {
  /** How the entries of one live record type are addressed, and which of its fields are volatile. */
  public record Kind<T extends Record>(Class<T> recordType, String type, Function<T, String> key, Set<String> excluded) {
    public Kind {
      Objects.requireNonNull(recordType, "recordType");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(key, "key");
      excluded = Set.copyOf(excluded);
    }

    String keyOf(Object record) {
      return key.apply(recordType.cast(record));
    }
  }

  private static final Kind<LiveGroup> GROUP = new Kind<>(LiveGroup.class, "group", LiveGroup::name, Set.of());
  // state moves on by itself (INVITED → ACCEPTED → INSTALLED) and no planned action depends on it
  private static final Kind<LiveTester> TESTER =
      new Kind<>(LiveTester.class, "tester", t -> t.email() == null ? t.id() : t.email(), Set.of("state"));
  private static final Kind<LiveBuild> BUILD = new Kind<>(LiveBuild.class, "build", LiveBuild::label, Set.of());
  // the period moves every day; what a tester did in it is what a removal relies on
  private static final Kind<TesterActivity> ACTIVITY =
      new Kind<>(TesterActivity.class, "activity", TesterActivity::testerId, Set.of("periodStart", "periodEnd"));
  /** The record types fingerprinted field by field. */
  static final List<Kind<?>> KINDS = List.of(GROUP, TESTER, BUILD, ACTIVITY);
  private static final String INFO_TYPE = "info";
  private static final String INFO_KEY = "beta information";

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private Fingerprints() {}

  /** Address → SHA-256 (lower-case hex) of every object of every app in {@code live}, sorted by address. */
  public static SortedMap<String, String> of(LiveState live) {
    TreeMap<String, List<String>> hashes = new TreeMap<>();
    for (LiveApp app : live.apps()) {
      entries(hashes, app, GROUP, app.groups());
      entries(hashes, app, TESTER, app.testers());
      entries(hashes, app, BUILD, app.builds());
      entries(hashes, app, ACTIVITY, app.activity());
      if (!app.parts().isEmpty()) {
        // the parts kinds declared (the app's beta information) make one entry, each part under its name
        hashes.computeIfAbsent(address(app.bundleId(), INFO_TYPE, INFO_KEY), k -> new ArrayList<>())
            .add(sha256(app.parts().fingerprint()));
      }
      // the app's display name is App Store Connect's business, not flightplan's
      Map<String, Object> appFields = new TreeMap<>();
      appFields.put("bundleId", app.bundleId());
      appFields.put("id", app.id());
      hashes.computeIfAbsent(address(app.bundleId(), "app", app.bundleId()), k -> new ArrayList<>())
          .add(sha256(appFields));
    }
    TreeMap<String, String> result = new TreeMap<>();
    // two objects at one address (App Store Connect does not always forbid it) share one entry covering both
    hashes.forEach((address, list) -> result.put(address, list.size() == 1 ? list.get(0) : sha256(new TreeSet<>(list))));
    return Collections.unmodifiableSortedMap(result);
  }

  private static <T extends Record> void entries(Map<String, List<String>> hashes, LiveApp app, Kind<T> kind, List<T> records) {
    for (T record : records) {
      hashes.computeIfAbsent(address(app.bundleId(), kind.type(), kind.keyOf(record)), k -> new ArrayList<>())
          .add(sha256(canonical(record, kind.excluded())));
    }
  }

  /** What differs between the fingerprints a plan saved and those of the live state now, sorted by address. */
  public static List<Difference> compare(SortedMap<String, String> saved, SortedMap<String, String> now) {
    TreeSet<String> addresses = new TreeSet<>(saved.keySet());
    addresses.addAll(now.keySet());
    List<Difference> out = new ArrayList<>();
    for (String a : addresses) {
      String before = saved.get(a);
      String after = now.get(a);
      if (before == null) {
        out.add(new Difference(a, Difference.Kind.APPEARED));
      } else if (after == null) {
        out.add(new Difference(a, Difference.Kind.DISAPPEARED));
      } else if (!before.equals(after)) {
        out.add(new Difference(a, Difference.Kind.CHANGED));
      }
    }
    return List.copyOf(out);
  }

  /** One object whose fingerprint differs: it changed, appeared or disappeared since the plan was made. */
  public record Difference(String address, Kind kind) {
    public enum Kind { CHANGED, APPEARED, DISAPPEARED }

    public Difference {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The record types fingerprinted field by field ({@link #KINDS}). */
  public static Set<Class<?>> registeredTypes() {
    Set<Class<?>> types = new java.util.HashSet<>();
    KINDS.forEach(k -> types.add(k.recordType()));
    return Collections.unmodifiableSet(types);
  }

  private static final String LOG_TYPE = "invitationLog";

  /**
   * The fingerprint of the invitation log's entry (or its absence) of each tester a plan re-sends to, by app then tester
   * id, addressed {@code com.example.app/invitationLog["<tester id>"]}: a saved plan whose re-send another apply has
   * made since is stale, so nobody gets the same reminder twice.
   */
  public static SortedMap<String, String> ofInvitationLog(InvitationLog log, Map<String, ? extends Collection<String>> testers) {
    TreeMap<String, String> out = new TreeMap<>();
    testers.forEach((app, ids) -> {
      for (String id : ids) {
        String entry = log.entry(app, id).map(e -> (e.sent() ? "sent@" : "seen@") + e.at()).orElse("none");
        out.put(address(app, LOG_TYPE, id), sha256(entry));
      }
    });
    return out;
  }

  /** The app and tester id whose invitation log entry {@code address} fingerprints, if it is such an address. */
  public static Optional<Map.Entry<String, String>> invitationLogEntry(String address) {
    return entry(address, LOG_TYPE);
  }

  private static final String USER_TYPE = "user";
  private static final String IS_A_USER = "App Store Connect user of the team";

  /**
   * For each email, by app, that a plan puts in an internal group it is not yet in: an entry addressed {@code
   * com.example.app/user["<email>"]} when the email is a user of the team, none when it is not. A saved plan keeps
   * them, so that one whose new internal member stopped being a user since is stale (the entry disappeared), rather
   * than failing half way with App Store Connect's 422. Only these users, not the whole team: others come and go
   * without changing what the plan does.
   */
  public static SortedMap<String, String> ofUsers(TeamUsers users, Map<String, ? extends Collection<String>> emails) {
    TreeMap<String, String> out = new TreeMap<>();
    emails.forEach((app, list) -> {
      for (String email : list) {
        if (users.isUser(email)) {
          out.put(address(app, USER_TYPE, email), sha256(IS_A_USER));
        }
      }
    });
    return out;
  }

  /** The app and email whose being a user {@code address} fingerprints, if it is such an address. */
  public static Optional<Map.Entry<String, String>> userEntry(String address) {
    return entry(address, USER_TYPE);
  }

  /** The app and tester id of a tester's usage entry ({@link TesterActivity}), if {@code address} is one. */
  public static Optional<Map.Entry<String, String>> activityEntry(String address) {
    return entry(address, "activity");
  }

  /** The app and key of an address {@code app/type["key"]} of this type. */
  private static Optional<Map.Entry<String, String>> entry(String address, String type) {
    int slash = address.indexOf('/');
    String prefix = type + "[\"";
    if (slash <= 0 || !address.startsWith(prefix, slash + 1) || !address.endsWith("\"]")) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(address.substring(0, slash), address.substring(slash + 1 + prefix.length(), address.length() - 2)));
  }

  /** The same rendering as {@code dev.flightplan.plan.Address#toString()}, so that plan and fingerprints agree. */
  static String address(String app, String type, String key) {
    return app + "/" + type + "[\"" + key + "\"]";
  }

  /** JSON-ready canonical value: records and maps as sorted maps, sets sorted, lists in order, enums by name. */
  static Object canonical(Object value, Set<String> excluded) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Optional<?> o) {
      return o.map(v -> canonical(v, Set.of())).orElse(null);
    }
    if (value instanceof Record r) {
      Map<String, Object> fields = new TreeMap<>();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        // a saved plan must not hold even a hash of a secret: a weak demo password falls to a dictionary
        if (!excluded.contains(c.getName()) && !c.getName().toLowerCase(java.util.Locale.ROOT).contains("password")) {
          fields.put(c.getName(), canonical(read(c, r), Set.of()));
        }
      }
      return fields;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> fields = new TreeMap<>();
      m.forEach((k, v) -> fields.put(String.valueOf(k), canonical(v, Set.of())));
      return fields;
    }
    if (value instanceof Set<?> s) {
      // sorted by their JSON text, each item written once (not both sides on every comparison)
      List<Map.Entry<String, Object>> keyed = new ArrayList<>(s.size());
      s.forEach(v -> {
        Object item = canonical(v, Set.of());
        keyed.add(new java.util.AbstractMap.SimpleImmutableEntry<>(json(item), item));
      });
      keyed.sort(Map.Entry.comparingByKey());
      List<Object> items = new ArrayList<>(keyed.size());
      keyed.forEach(e -> items.add(e.getValue()));
      return items;
    }
    if (value instanceof Collection<?> c) {
      List<Object> items = new ArrayList<>();
      c.forEach(v -> items.add(canonical(v, Set.of())));
      return items;
    }
    return value.toString();
  }

  private static Object read(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + c.getName(), e);
    }
  }

  private static String json(Object canonical) {
    try {
      return CANONICAL.writeValueAsString(canonical);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(Object canonical) {
    return Sha256.hex(json(canonical));
  }

}
