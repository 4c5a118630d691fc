package dev.flightplan.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Diagnostics;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.PlanOptions;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.plan.Substitution;
import dev.flightplan.state.ReadScope;
import java.util.List;
import java.util.Map;

/**
 * Writes the saved-plan document, shaped like {@code terraform show -json} (see docs/plan-json.md
 * and schema/plan.schema.json): the same document is printed by {@code plan --format json} and
 * saved by {@code plan -o}, and {@link PlanFile} reads it back. Deterministic: fixed key order,
 * plan order for changes and calls, fingerprints sorted, no timestamps. The text it becomes is the
 * JSON view's (render/JsonPlanView).
 */
public final class PlanDocument {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private PlanDocument() {}

  /** The whole document of {@code saved} as a tree. */
  public static ObjectNode of(SavedPlan saved) {
    Plan plan = saved.plan();
    ObjectNode doc =
        header(saved.flightplanVersion(), saved.config(), saved.apps(), saved.partial(), false);
    doc.set("options", options(saved.options()));
    ArrayNode changes = doc.putArray("resource_changes");
    plan.actions().forEach(a -> changes.add(resourceChange(a)));
    ArrayNode calls = doc.putArray("api_calls");
    plan.calls().forEach(c -> calls.add(apiCall(c)));
    doc.set("diagnostics", diagnostics(plan.diagnostics()));
    ArrayNode notes = doc.putArray("notes");
    plan.notes().forEach(n -> notes.add(n.text()));
    if (!plan.invitations().isEmpty()) {
      ArrayNode log = doc.putArray("invitation_log");
      plan.invitations()
          .forEach(
              r -> {
                ObjectNode entry = log.addObject().put("app", r.app());
                if (r.tester().isProduced()) {
                  entry.put("tester_ref", r.tester().ref());
                } else {
                  entry.put("tester", r.tester().value());
                }
                entry.put("record", r.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (r.invitation() != null) {
                  entry.put("invitation", r.invitation().toString());
                }
              });
    }
    doc.set("summary", summary(plan));
    doc.set("reads", reads(saved.reads()));
    ObjectNode fingerprints = doc.putObject("fingerprints");
    saved.fingerprints().forEach(fingerprints::put);
    return doc;
  }

  /** The document of a plan that could not be made: what was asked, and the errors. */
  public static ObjectNode failure(
      String version,
      SavedPlan.ConfigRef config,
      List<String> apps,
      boolean partial,
      Diagnostics diagnostics) {
    ObjectNode doc = header(version, config, apps, partial, true);
    doc.set("diagnostics", diagnostics(diagnostics));
    return doc;
  }

  private static ObjectNode header(
      String version,
      SavedPlan.ConfigRef config,
      List<String> apps,
      boolean partial,
      boolean errored) {
    ObjectNode doc = NODES.objectNode();
    doc.put("format_version", SavedPlan.FORMAT_VERSION);
    doc.put("flightplan_version", version);
    doc.put("errored", errored);
    if (config == null) {
      doc.putNull("config");
    } else {
      doc.putObject("config").put("path", config.path()).put("sha256", config.sha256());
    }
    ArrayNode scope = doc.putArray("apps");
    apps.forEach(scope::add);
    doc.put("partial", partial);
    return doc;
  }

  private static ObjectNode options(PlanOptions options) {
    ObjectNode node =
        NODES
            .objectNode()
            .put("prune", options.prune())
            .put("allow_replace", options.allowReplace())
            .put("batch_size", options.batchSize());
    if (options.invitationsOnly()) {
      node.put("invitations_only", true);
    }
    return node;
  }

  private static ObjectNode resourceChange(Action action) {
    ObjectNode rc = NODES.objectNode();
    rc.put("address", action.address().toString());
    rc.put("app", action.address().app());
    rc.put("type", action.address().type());
    rc.put("name", action.address().key());
    String id =
        switch (action.kind()) {
          case CREATE -> null;
          case UPDATE -> ((Action.Update) action).id();
          case REPLACE -> ((Action.Replace) action).id();
          case DELETE -> ((Action.Delete) action).id();
          case SEND -> null;
        };
    if (id == null) {
      rc.putNull("id");
    } else {
      rc.put("id", id);
    }
    ObjectNode change = rc.putObject("change");
    ArrayNode actions = change.putArray("actions");
    actionNames(action.kind()).forEach(actions::add);
    ObjectNode members = NODES.objectNode();
    ArrayNode replacePaths = NODES.arrayNode();
    switch (action.kind()) {
      case CREATE -> {
        change.putNull("before");
        change.set("after", attributes(((Action.Create) action).after()));
      }
      case DELETE -> {
        change.set("before", attributes(((Action.Delete) action).before()));
        change.putNull("after");
      }
      case SEND -> {
        change.putNull("before");
        change.set("after", attributes(((Action.Send) action).details()));
      }
      case REPLACE -> {
        Action.Replace r = (Action.Replace) action;
        change.set("before", attributes(r.before()));
        change.set("after", attributes(r.after()));
        r.forcedBy().forEach(attr -> replacePaths.addArray().add(attr));
      }
      case UPDATE -> {
        ObjectNode before = change.putObject("before");
        ObjectNode after = change.putObject("after");
        for (Change c : ((Action.Update) action).changes()) {
          if (c instanceof Change.Value v) {
            before.set(v.attribute(), value(v.before()));
            after.set(v.attribute(), value(v.after()));
          } else if (c instanceof Change.Members m) {
            ObjectNode set = members.putObject(m.attribute());
            set.set("added", value(m.added()));
            set.set("removed", value(m.removed()));
          }
        }
      }
    }
    change.set("members", members);
    change.set("replace_paths", replacePaths);
    change.put("reason", action.reason());
    return rc;
  }

  /** Terraform's action lists: a replacement deletes first, then creates. */
  public static List<String> actionNames(ActionKind kind) {
    return switch (kind) {
      case CREATE -> List.of("create");
      case UPDATE -> List.of("update");
      case REPLACE -> List.of("delete", "create");
      case DELETE -> List.of("delete");
      // not Terraform's: a one-off request (an invitation, a notification) that leaves no state
      // behind
      case SEND -> List.of("send");
    };
  }

  private static JsonNode attributes(Attributes attributes) {
    ObjectNode node = NODES.objectNode();
    attributes.values().forEach((k, v) -> node.set(k, value(v)));
    return node;
  }

  private static ObjectNode reads(ReadScope reads) {
    ObjectNode node = NODES.objectNode();
    node.put("criterion_options", reads.criterionOptions());
    if (reads.users()) {
      node.put("users", true);
    }
    ObjectNode apps = node.putObject("apps");
    reads
        .apps()
        .forEach(
            (app, r) -> {
              ObjectNode a = apps.putObject(app);
              a.put("builds", r.builds()).put("info", r.info()).put("criteria", r.criteria());
              r.buildParts()
                  .forEach(
                      (part, refs) -> {
                        ArrayNode builds = a.putArray(part + PlanFile.BUILDS_SUFFIX);
                        refs.forEach(
                            b -> {
                              ObjectNode ref =
                                  builds
                                      .addObject()
                                      .put("platform", b.platform())
                                      .put("version", b.version());
                              if (b.number() == null) {
                                ref.putNull("number");
                              } else {
                                ref.put("number", b.number());
                              }
                              ref.put("latest", b.latest());
                            });
                      });
              if (r.usagePeriod() != null) {
                a.put("usage_period", r.usagePeriod());
              }
            });
    return node;
  }

  private static ObjectNode apiCall(ApiCall call) {
    ObjectNode node = NODES.objectNode();
    if (call.key() != null) {
      node.put("key", call.key());
    }
    node.put("method", call.method());
    node.put("path", call.path());
    if (call.pathRef() != null) {
      node.put("path_ref", call.pathRef());
    }
    node.put("path_template", call.template().substring(call.method().length() + 1));
    node.set("body", call.body() == null ? NODES.nullNode() : call.body());
    if (!call.substitutions().isEmpty()) {
      ArrayNode substitutions = node.putArray("substitutions");
      call.substitutions().forEach(s -> substitutions.add(substitution(s)));
    }
    node.put("produces", call.produces());
    if (!call.after().isEmpty()) {
      ArrayNode after = node.putArray("after");
      call.after().forEach(after::add);
    }
    node.put("purpose", call.purpose());
    ArrayNode serves = node.putArray("serves");
    call.serves().forEach(a -> serves.add(a.toString()));
    if (call.phase() != null) {
      node.put("phase", call.phase().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!call.tolerate().isEmpty()) {
      ArrayNode tolerate = node.putArray("tolerate");
      call.tolerate().forEach(tolerate::add);
    }
    if (call.readBack() != null) {
      node.set("read_back", readBack(call.readBack()));
    }
    return node;
  }

  /**
   * Where apply puts an id or a secret: the pointer, and the reference or where the secret is read
   * from.
   */
  private static ObjectNode substitution(Substitution s) {
    ObjectNode node = NODES.objectNode().put("pointer", s.pointer());
    if (s.ref() != null) {
      node.put("ref", s.ref());
    } else if (s.secret().env() != null) {
      node.putObject("secret").put("env", s.secret().env());
    } else {
      node.putObject("secret").put("file", s.secret().file());
    }
    return node;
  }

  private static ObjectNode readBack(ReadBack r) {
    ObjectNode node = NODES.objectNode();
    node.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
    if (r.mode() == ReadBack.Mode.NONE) {
      return node;
    }
    node.put("path", r.path());
    if (r.pathRef() != null) {
      node.put("path_ref", r.pathRef());
    }
    if (r.mode() == ReadBack.Mode.FIND) {
      node.put("type", r.type());
      ObjectNode match = node.putObject("match");
      r.match().forEach((k, values) -> values.forEach(match.withArray(k)::add));
      node.put("ignore_case", r.ignoreCase());
    }
    return node;
  }

  public static ArrayNode diagnostics(Diagnostics diagnostics) {
    ArrayNode array = NODES.arrayNode();
    for (Diagnostic d : diagnostics.items()) {
      ObjectNode node = array.addObject();
      node.put("severity", d.severity().label());
      node.put("summary", d.summary());
      node.put("detail", d.hint());
      if (d.pos() == null) {
        node.putNull("range");
      } else {
        ObjectNode range = node.putObject("range");
        range.put("filename", d.pos().file());
        range.putObject("start").put("line", d.pos().line()).put("column", d.pos().column());
      }
    }
    return array;
  }

  public static ObjectNode summary(Plan plan) {
    Map<ActionKind, Integer> c = plan.counts();
    int replace = c.get(ActionKind.REPLACE);
    ObjectNode node =
        NODES
            .objectNode()
            .put("add", c.get(ActionKind.CREATE) + replace)
            .put("change", c.get(ActionKind.UPDATE))
            .put("destroy", c.get(ActionKind.DELETE) + replace)
            .put("replace", replace)
            .put("send", c.get(ActionKind.SEND))
            .put("api_calls", plan.calls().size());
    if (!plan.complete()) {
      node.put("left_out", plan.leftOut());
    }
    return node;
  }

  /** An attribute value (String, Boolean, number, List, Map, or null) as a JSON node. */
  private static JsonNode value(Object value) {
    return MAPPER.valueToTree(value);
  }
}
