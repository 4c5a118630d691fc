package dev.flightplan.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flightplan.config.Sha256;
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
 * The fingerprint of every live object a plan read: a pure function from a {@link LiveState} to a
 * sorted map from the object's address ({@code com.example.app/group["QA"]}, the form plans use) to
 * the SHA-256 of its canonical fields. A saved plan keeps this map; apply recomputes it from a
 * fresh read and refuses the plan if any entry changed, appeared or disappeared.
 *
 * <p>Each app has its own entry (its id and bundle id), one per group, tester, build and tester
 * usage, and one for the parts the kinds declared ({@link AppPart}: the app's beta information).
 * Each live record says what a saved plan checks of it ({@code fingerprint()}, explicitly: all it
 * holds but what changes on its own and decides nothing in a plan, and never a secret); those
 * fields, as sorted JSON, are hashed.
 */
public final class Fingerprints {
  /**
   * How the entries of one live record type are addressed, and what of a record is fingerprinted.
   */
  public record Kind<T extends Record>(
      Class<T> recordType, String type, Function<T, String> key, Function<T, Object> fields) {
    public Kind {
      Objects.requireNonNull(recordType, "recordType");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(fields, "fields");
    }
  }

  private static final Kind<LiveGroup> GROUP =
      new Kind<>(LiveGroup.class, "group", LiveGroup::name, LiveGroup::fingerprint);
  private static final Kind<LiveTester> TESTER =
      new Kind<>(
          LiveTester.class,
          "tester",
          t -> t.email() == null ? t.id() : t.email(),
          LiveTester::fingerprint);
  private static final Kind<LiveBuild> BUILD =
      new Kind<>(LiveBuild.class, "build", LiveBuild::label, LiveBuild::fingerprint);
  private static final Kind<TesterActivity> ACTIVITY =
      new Kind<>(
          TesterActivity.class, "activity", TesterActivity::testerId, TesterActivity::fingerprint);

  /** The live record types with an entry each. */
  static final List<Kind<?>> KINDS = List.of(GROUP, TESTER, BUILD, ACTIVITY);

  private static final String INFO_TYPE = "info";
  private static final String INFO_KEY = "beta information";

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private Fingerprints() {}

  /**
   * Address → SHA-256 (lower-case hex) of every object of every app in {@code live}, sorted by
   * address.
   */
  public static SortedMap<String, String> of(LiveState live) {
    TreeMap<String, List<String>> hashes = new TreeMap<>();
    for (LiveApp app : live.apps()) {
      entries(hashes, app, GROUP, app.groups());
      entries(hashes, app, TESTER, app.testers());
      entries(hashes, app, BUILD, app.builds());
      entries(hashes, app, ACTIVITY, app.activity());
      if (!app.parts().isEmpty()) {
        // the parts kinds declared (the app's beta information) make one entry, each part under its
        // name
        hashes
            .computeIfAbsent(address(app.bundleId(), INFO_TYPE, INFO_KEY), k -> new ArrayList<>())
            .add(sha256(app.parts().fingerprint()));
      }
      // the app's display name is App Store Connect's business, not flightplan's
      Map<String, Object> appFields = new TreeMap<>();
      appFields.put("bundleId", app.bundleId());
      appFields.put("id", app.id());
      hashes
          .computeIfAbsent(address(app.bundleId(), "app", app.bundleId()), k -> new ArrayList<>())
          .add(sha256(appFields));
    }
    TreeMap<String, String> result = new TreeMap<>();
    // two objects at one address (App Store Connect does not always forbid it) share one entry
    // covering both
    hashes.forEach(
        (address, list) ->
            result.put(address, list.size() == 1 ? list.get(0) : sha256(new TreeSet<>(list))));
    return Collections.unmodifiableSortedMap(result);
  }

  private static <T extends Record> void entries(
      Map<String, List<String>> hashes, LiveApp app, Kind<T> kind, List<T> records) {
    for (T record : records) {
      hashes
          .computeIfAbsent(
              address(app.bundleId(), kind.type(), kind.key().apply(record)),
              k -> new ArrayList<>())
          .add(sha256(kind.fields().apply(record)));
    }
  }

  /**
   * What differs between the fingerprints a plan saved and those of the live state now, sorted by
   * address.
   */
  public static List<Difference> compare(
      SortedMap<String, String> saved, SortedMap<String, String> now) {
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

  /**
   * One object whose fingerprint differs: it changed, appeared or disappeared since the plan was
   * made.
   */
  public record Difference(String address, Kind kind) {
    public enum Kind {
      CHANGED,
      APPEARED,
      DISAPPEARED
    }

    public Difference {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The live record types with an entry each ({@link #KINDS}). */
  public static Set<Class<?>> registeredTypes() {
    Set<Class<?>> types = new java.util.HashSet<>();
    KINDS.forEach(k -> types.add(k.recordType()));
    return Collections.unmodifiableSet(types);
  }

  private static final String LOG_TYPE = "invitationLog";

  /**
   * The fingerprint of the invitation log's entry (or its absence) of each tester a plan re-sends
   * to, by app then tester id, addressed {@code com.example.app/invitationLog["<tester id>"]}: a
   * saved plan whose re-send another apply has made since is stale, so nobody gets the same
   * reminder twice.
   */
  public static SortedMap<String, String> ofInvitationLog(
      InvitationLog log, Map<String, ? extends Collection<String>> testers) {
    TreeMap<String, String> out = new TreeMap<>();
    testers.forEach(
        (app, ids) -> {
          for (String id : ids) {
            String entry =
                log.entry(app, id).map(e -> (e.sent() ? "sent@" : "seen@") + e.at()).orElse("none");
            out.put(address(app, LOG_TYPE, id), sha256(entry));
          }
        });
    return out;
  }

  /**
   * The app and tester id whose invitation log entry {@code address} fingerprints, if it is such an
   * address.
   */
  public static Optional<Map.Entry<String, String>> invitationLogEntry(String address) {
    return entry(address, LOG_TYPE);
  }

  private static final String USER_TYPE = "user";
  private static final String IS_A_USER = "App Store Connect user of the team";

  /**
   * For each email, by app, that a plan puts in an internal group it is not yet in: an entry
   * addressed {@code com.example.app/user["<email>"]} when the email is a user of the team, none
   * when it is not. A saved plan keeps them, so that one whose new internal member stopped being a
   * user since is stale (the entry disappeared), rather than failing half way with App Store
   * Connect's 422. Only these users, not the whole team: others come and go without changing what
   * the plan does.
   */
  public static SortedMap<String, String> ofUsers(
      TeamUsers users, Map<String, ? extends Collection<String>> emails) {
    TreeMap<String, String> out = new TreeMap<>();
    emails.forEach(
        (app, list) -> {
          for (String email : list) {
            if (users.isUser(email)) {
              out.put(address(app, USER_TYPE, email), sha256(IS_A_USER));
            }
          }
        });
    return out;
  }

  /**
   * The app and email whose being a user {@code address} fingerprints, if it is such an address.
   */
  public static Optional<Map.Entry<String, String>> userEntry(String address) {
    return entry(address, USER_TYPE);
  }

  /**
   * The app and tester id of a tester's usage entry ({@link TesterActivity}), if {@code address} is
   * one.
   */
  public static Optional<Map.Entry<String, String>> activityEntry(String address) {
    return entry(address, "activity");
  }

  /**
   * The usage entry of tester {@code testerId} of app {@code app} that had no usage item: App Store
   * Connect's metrics may leave out a tester without sessions, and that is no usage, the same as an
   * item of zeros. A saved plan that relies on such a tester's usage keeps this entry, so that his
   * first session since makes it stale rather than an entry the plan never had.
   */
  public static Map.Entry<String, String> noActivity(String app, String testerId) {
    return Map.entry(
        address(app, ACTIVITY.type(), testerId),
        sha256(new TesterActivity(testerId, 0, 0, 0, null, null).fingerprint()));
  }

  /** The app and key of an address {@code app/type["key"]} of this type. */
  private static Optional<Map.Entry<String, String>> entry(String address, String type) {
    int slash = address.indexOf('/');
    String prefix = type + "[\"";
    if (slash <= 0 || !address.startsWith(prefix, slash + 1) || !address.endsWith("\"]")) {
      return Optional.empty();
    }
    return Optional.of(
        Map.entry(
            address.substring(0, slash),
            address.substring(slash + 1 + prefix.length(), address.length() - 2)));
  }

  /**
   * The same rendering as {@code dev.flightplan.plan.Address#toString()}, so that plan and
   * fingerprints agree.
   */
  static String address(String app, String type, String key) {
    return app + "/" + type + "[\"" + key + "\"]";
  }

  /** Localized texts by locale, each as {@code fingerprint} gives it. */
  public static <T> Map<String, Object> byLocale(
      Map<String, T> byLocale, Function<T, Map<String, Object>> fingerprint) {
    Map<String, Object> f = new TreeMap<>();
    byLocale.forEach((locale, t) -> f.put(locale, fingerprint.apply(t)));
    return f;
  }

  /** The fingerprint of a resource with an id and one field. */
  public static Map<String, Object> idAnd(String id, String field, Object value) {
    Map<String, Object> f = new TreeMap<>();
    f.put("id", id);
    f.put(field, value);
    return f;
  }

  /**
   * {@code ids} as a fingerprint lists them: sorted by their JSON text (as earlier releases sorted
   * every set), so that the order App Store Connect gives them in changes nothing.
   */
  static List<String> sorted(Set<String> ids) {
    List<Map.Entry<String, String>> keyed = new ArrayList<>(ids.size());
    ids.forEach(id -> keyed.add(Map.entry(json(id), id)));
    keyed.sort(Map.Entry.comparingByKey());
    return keyed.stream().map(Map.Entry::getValue).toList();
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
