package dev.flightplan.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.config.BuildRef;
import dev.flightplan.config.SecretRef;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.diag.Severity;
import dev.flightplan.diag.SourcePos;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.InvitationRecord;
import dev.flightplan.plan.Note;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.plan.Sensitive;
import dev.flightplan.plan.Substitution;
import dev.flightplan.state.ReadScope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a saved plan back from the JSON document {@code plan -o} writes (docs/plan-json.md) into a
 * {@link SavedPlan}. Pure: the caller reads the file and checks the document against the schema
 * first; what the schema cannot say (an address that does not match its parts, an unknown action
 * list) is a {@link PlanFileException}.
 */
public final class PlanFile {
  /**
   * The suffix of the keys of a saved plan's reads that list builds by the name of a part of
   * builds.
   */
  public static final String BUILDS_SUFFIX = "_builds";

  /**
   * The attributes that hold a secret, by address type: only their {@link Sensitive#TEXT} is the
   * secret's stand-in.
   */
  private static final Map<String, Set<String>> SECRETS = Kinds.secretAttributes();

  private static final Pattern ADDRESS = Pattern.compile("^([^/]+)/([^\\[]+)\\[\"(.*)\"]$");

  private PlanFile() {}

  /** Why a document is not a plan this version can apply; the message is for the user. */
  public static final class PlanFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanFileException(String message) {
      super(message);
    }
  }

  /** The saved plan in {@code doc}, a document already valid against schema/plan.schema.json. */
  public static SavedPlan read(JsonNode doc) throws PlanFileException {
    if (doc.path("errored").asBoolean(false)) {
      throw new PlanFileException("it records a plan that failed, which cannot be applied");
    }
    JsonNode config = doc.path("config");
    JsonNode options = doc.path("options");
    PlanOptions planOptions =
        new PlanOptions(
            options.path("prune").asBoolean(),
            options.path("allow_replace").asBoolean(),
            options.path("batch_size").asInt(),
            options.path("invitations_only").asBoolean(false));
    List<Action> actions = new ArrayList<>();
    for (JsonNode rc : doc.path("resource_changes")) {
      actions.add(action(rc));
    }
    List<ApiCall> calls = new ArrayList<>();
    for (JsonNode c : doc.path("api_calls")) {
      try {
        calls.add(call(c));
      } catch (IllegalArgumentException e) {
        throw new PlanFileException(
            "its API call \"" + c.path("purpose").asText() + "\" is malformed: " + e.getMessage());
      }
    }
    List<Note> notes = new ArrayList<>();
    doc.path("notes").forEach(n -> notes.add(note(n.asText())));
    List<InvitationRecord> invitations = new ArrayList<>();
    for (JsonNode r : doc.path("invitation_log")) {
      Address invitation =
          r.hasNonNull("invitation") ? address(r.path("invitation").asText()) : null;
      String tester =
          r.hasNonNull("tester_ref") ? r.path("tester_ref").asText() : r.path("tester").asText();
      try {
        Id id = r.hasNonNull("tester_ref") ? Id.produced(tester) : Id.of(tester);
        invitations.add(
            new InvitationRecord(
                r.path("app").asText(),
                id,
                InvitationRecord.Kind.valueOf(
                    r.path("record").asText().toUpperCase(java.util.Locale.ROOT)),
                invitation));
      } catch (IllegalArgumentException e) {
        throw new PlanFileException(
            "its invitation_log entry for tester " + tester + " is malformed: " + e.getMessage());
      }
    }
    TreeMap<String, String> fingerprints = new TreeMap<>();
    doc.path("fingerprints")
        .fields()
        .forEachRemaining(e -> fingerprints.put(e.getKey(), e.getValue().asText()));
    List<String> apps = new ArrayList<>();
    doc.path("apps").forEach(a -> apps.add(a.asText()));
    Plan plan;
    try {
      plan =
          new Plan(
              actions,
              calls,
              diagnostics(doc.path("diagnostics")),
              notes,
              invitations,
              doc.path("summary").path("left_out").asInt(0));
    } catch (IllegalArgumentException e) {
      throw new PlanFileException(e.getMessage());
    }
    return new SavedPlan(
        doc.path("flightplan_version").asText(),
        new SavedPlan.ConfigRef(config.path("path").asText(), config.path("sha256").asText()),
        apps,
        doc.path("partial").asBoolean(),
        planOptions,
        plan,
        reads(doc.path("reads"), apps),
        fingerprints);
  }

  /**
   * What planning read; a plan file from before reads were recorded read groups and testers only.
   */
  private static ReadScope reads(JsonNode reads, List<String> apps) {
    if (reads.isMissingNode()) {
      return ReadScope.minimal(apps);
    }
    Map<String, ReadScope.AppReads> byApp = new java.util.LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = reads.path("apps").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      // each part of builds that kinds declared lists the builds it was read in full for under
      // "<part>_builds"
      Map<String, List<BuildRef>> buildParts = new TreeMap<>();
      a.fields()
          .forEachRemaining(
              f -> {
                if (f.getKey().endsWith(BUILDS_SUFFIX)) {
                  List<BuildRef> refs = new ArrayList<>();
                  f.getValue()
                      .forEach(
                          b ->
                              refs.add(
                                  new BuildRef(
                                      b.path("platform").asText(),
                                      b.path("version").asText(),
                                      text(b.path("number")),
                                      b.path("latest").asBoolean(),
                                      null)));
                  buildParts.put(
                      f.getKey().substring(0, f.getKey().length() - BUILDS_SUFFIX.length()), refs);
                }
              });
      byApp.put(
          e.getKey(),
          new ReadScope.AppReads(
              a.path("builds").asBoolean(),
              a.path("info").asBoolean(),
              a.path("criteria").asBoolean(),
              buildParts,
              false,
              a.hasNonNull("usage_period") ? a.get("usage_period").asText() : null));
    }
    return new ReadScope(
        byApp, reads.path("criterion_options").asBoolean(), reads.path("users").asBoolean());
  }

  private static Action action(JsonNode rc) throws PlanFileException {
    Address address =
        new Address(rc.path("app").asText(), rc.path("type").asText(), rc.path("name").asText());
    if (!address.toString().equals(rc.path("address").asText())) {
      throw new PlanFileException(
          "resource change \""
              + rc.path("address").asText()
              + "\" does not match its app, type and name");
    }
    Set<String> secret = SECRETS.getOrDefault(address.type(), Set.of());
    JsonNode change = rc.path("change");
    String id = text(rc.path("id"));
    String reason = text(change.path("reason"));
    List<String> names = new ArrayList<>();
    change.path("actions").forEach(a -> names.add(a.asText()));
    switch (String.join(",", names)) {
      case "create":
        return new Action.Create(address, attributes(change.path("after"), secret), reason);
      case "delete":
        return new Action.Delete(address, id, attributes(change.path("before"), secret), reason);
      case "delete,create":
        {
          List<String> forcedBy = new ArrayList<>();
          change.path("replace_paths").forEach(p -> forcedBy.add(p.path(0).asText()));
          return new Action.Replace(
              address,
              id,
              attributes(change.path("before"), secret),
              attributes(change.path("after"), secret),
              forcedBy,
              reason);
        }
      case "update":
        {
          List<Change> changes = new ArrayList<>();
          JsonNode before = change.path("before");
          Iterator<Map.Entry<String, JsonNode>> after = change.path("after").fields();
          while (after.hasNext()) {
            Map.Entry<String, JsonNode> e = after.next();
            changes.add(
                new Change.Value(
                    e.getKey(),
                    attribute(e.getKey(), before.path(e.getKey()), secret),
                    attribute(e.getKey(), e.getValue(), secret)));
          }
          Iterator<Map.Entry<String, JsonNode>> members = change.path("members").fields();
          while (members.hasNext()) {
            Map.Entry<String, JsonNode> e = members.next();
            changes.add(
                new Change.Members(
                    e.getKey(),
                    strings(e.getValue().path("added")),
                    strings(e.getValue().path("removed"))));
          }
          if (changes.isEmpty()) {
            throw new PlanFileException("the update of " + address + " changes nothing");
          }
          return new Action.Update(address, id, changes, reason);
        }
      case "send":
        return new Action.Send(address, attributes(change.path("after"), secret), reason);
      default:
        throw new PlanFileException("resource change " + address + " has unknown actions " + names);
    }
  }

  /** The call {@code c} describes; an IllegalArgumentException says what is wrong with it. */
  private static ApiCall call(JsonNode c) throws PlanFileException {
    List<Address> serves = new ArrayList<>();
    for (JsonNode s : c.path("serves")) {
      serves.add(address(s.asText()));
    }
    JsonNode body = c.path("body");
    List<Substitution> substitutions = new ArrayList<>();
    for (JsonNode s : c.path("substitutions")) {
      JsonNode secret = s.path("secret");
      Substitution sub =
          s.hasNonNull("ref")
              ? Substitution.id(s.path("pointer").asText(), s.path("ref").asText())
              : Substitution.secret(
                  s.path("pointer").asText(),
                  new SecretRef(text(secret.path("env")), text(secret.path("file")), null));
      JsonNode placeholder = body.at(s.path("pointer").asText());
      if (!placeholder.isTextual() || !placeholder.textValue().isEmpty()) {
        throw new IllegalArgumentException(
            "its body holds no placeholder (\"\") at "
                + sub.pointer()
                + " to put the "
                + (sub.ref() != null ? "id" : "secret")
                + " in");
      }
      substitutions.add(sub);
    }
    ApiCall call =
        new ApiCall(
            c.path("method").asText(),
            c.path("path").asText(),
            text(c.path("path_ref")),
            text(c.path("produces")),
            c.path("purpose").asText(),
            serves,
            strings(c.path("tolerate")),
            phase(c.path("phase")),
            body.isObject() ? ApiCall.compact(body) : null,
            substitutions,
            readBack(c.path("read_back")),
            text(c.path("key")),
            strings(c.path("after")));
    ReadBack rb = call.readBack();
    if (unfilled(call.path(), call.pathRef()) || rb != null && unfilled(rb.path(), rb.pathRef())) {
      throw new IllegalArgumentException(
          "a path has an id segment {id} but no path_ref to fill it");
    }
    return call;
  }

  private static boolean unfilled(String path, String ref) {
    return path != null && ref == null && ApiCall.hasPlaceholder(path);
  }

  private static ReadBack readBack(JsonNode r) {
    if (!r.isObject()) {
      return null;
    }
    ReadBack.Mode mode =
        ReadBack.Mode.valueOf(r.path("mode").asText().toUpperCase(java.util.Locale.ROOT));
    Map<String, List<String>> match = new LinkedHashMap<>();
    r.path("match").fields().forEachRemaining(e -> match.put(e.getKey(), strings(e.getValue())));
    return new ReadBack(
        mode,
        text(r.path("path")),
        text(r.path("path_ref")),
        text(r.path("type")),
        match,
        r.path("ignore_case").asBoolean(false));
  }

  /**
   * A call's phase; absent in plans that predate concurrent apply, whose calls are then sent one by
   * one.
   */
  private static Phase phase(JsonNode node) throws PlanFileException {
    String name = text(node);
    if (name == null) {
      return null;
    }
    try {
      return Phase.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PlanFileException("an API call has the unknown phase \"" + name + "\"");
    }
  }

  static Address address(String text) throws PlanFileException {
    Matcher m = ADDRESS.matcher(text);
    if (!m.matches()) {
      throw new PlanFileException(
          "\"" + text + "\" is not an address such as com.example.app/group[\"QA\"]");
    }
    return new Address(m.group(1), m.group(2), m.group(3));
  }

  private static Diagnostics diagnostics(JsonNode array) {
    List<Diagnostic> items = new ArrayList<>();
    for (JsonNode d : array) {
      Severity severity =
          "error".equals(d.path("severity").asText()) ? Severity.ERROR : Severity.WARNING;
      JsonNode range = d.path("range");
      SourcePos pos =
          range.isObject()
              ? new SourcePos(
                  range.path("filename").asText(),
                  range.path("start").path("line").asInt(),
                  range.path("start").path("column").asInt())
              : null;
      items.add(new Diagnostic(severity, d.path("summary").asText(), text(d.path("detail")), pos));
    }
    return Diagnostics.of(items);
  }

  private static Attributes attributes(JsonNode node, Set<String> secret) {
    Map<String, Object> values = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(e -> values.put(e.getKey(), attribute(e.getKey(), e.getValue(), secret)));
    return new Attributes(values);
  }

  /**
   * The value of the attribute {@code name}: the secret's stand-in if it is one of the {@code
   * secret} attributes and the plan shows it as {@link Sensitive#TEXT}; otherwise the plain value,
   * user text included, whatever it says.
   */
  private static Object attribute(String name, JsonNode node, Set<String> secret) {
    return secret.contains(name) && node.isTextual() && Sensitive.TEXT.equals(node.textValue())
        ? Sensitive.VALUE
        : value(node);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
  }

  /**
   * A note as the document keeps it, a sentence: the typed notes are known by how their sentences
   * begin. A remark comes back as its sentence only ({@link Note.Remark#Remark(String)}): the
   * document does not keep its app and subject apart, so they are null, and its text is the same.
   */
  static Note note(String text) {
    if (text.startsWith(Note.Refusal.PREFIX)) {
      return new Note.Refusal(text.substring(Note.Refusal.PREFIX.length()));
    }
    if (text.startsWith(Note.RateLimit.PREFIX)) {
      return new Note.RateLimit(text.substring(Note.RateLimit.PREFIX.length()));
    }
    return new Note.Remark(text);
  }

  /**
   * JSON back to the plain values attributes hold: String (as written, never a secret's stand-in),
   * Boolean, Integer (or Long, Double), List, Map.
   */
  static Object value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(value(n)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
    return map;
  }
}
