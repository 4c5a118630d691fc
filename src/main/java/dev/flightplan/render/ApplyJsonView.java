package dev.flightplan.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.apply.ApplyOutcome;
import dev.flightplan.apply.ApplyReport;
import dev.flightplan.apply.CallResult;
import dev.flightplan.apply.Verification;
import dev.flightplan.apply.WaitRounds;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.PendingBuild;
import dev.flightplan.plan.SavedPlan;
import dev.flightplan.planfile.PlanDocument;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report of an apply ({@code apply --format json}; docs/apply-json.md,
 * schema/apply-report.schema.json): how it ended and its exit code, the plan it applied, what was
 * done, what failed (with App Store Connect's answer) and what was not sent, and the verification
 * after it. Objects are named by the addresses of the JSON plan. Holds no request body, so no
 * secret; deterministic but for the verification's wait. With {@code apply --wait}, {@code wait}
 * lists every round (format 1.1); the other keys describe the last.
 */
public final class ApplyJsonView {
  /** The version of this document's format; a minor bump only adds fields. */
  public static final String FORMAT_VERSION = "1.1";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PrintWriter out;

  public ApplyJsonView(PrintWriter out) {
    this.out = out;
  }

  /**
   * The report of {@code outcome}, by the flightplan {@code version} that ran, which exited {@code
   * exitCode}; with {@code apply --wait} ({@code wait} not null), also its rounds, the last being
   * {@code outcome}'s.
   */
  public void render(ApplyOutcome outcome, WaitRounds wait, String version, int exitCode) {
    ObjectNode doc = document(outcome, version, exitCode);
    doc.set("wait", wait == null ? null : wait(wait));
    out.print(JsonText.write(doc));
    out.flush();
  }

  static ObjectNode document(ApplyOutcome outcome, String version, int exitCode) {
    ObjectNode doc = NODES.objectNode();
    doc.put("format_version", FORMAT_VERSION);
    doc.put("flightplan_version", version);
    SavedPlan saved = outcome.saved();
    doc.put("outcome", outcome.ending().name().toLowerCase(Locale.ROOT));
    doc.put("exit_code", exitCode);
    doc.put("plan_file", outcome.planFile());
    if (saved == null) {
      doc.putNull("config");
      doc.putArray("apps");
      doc.put("partial", false);
      doc.putNull("summary");
    } else {
      doc.putObject("config")
          .put("path", saved.config().path())
          .put("sha256", saved.config().sha256());
      ArrayNode apps = doc.putArray("apps");
      saved.apps().forEach(apps::add);
      doc.put("partial", saved.partial());
      doc.set("summary", PlanDocument.summary(saved.plan()));
    }
    results(doc, outcome);
    doc.set("verification", verification(outcome.verification()));
    doc.set("diagnostics", PlanDocument.diagnostics(outcome.diagnostics()));
    ArrayNode problems = doc.putArray("problems");
    outcome.problems().forEach(problems::add);
    return doc;
  }

  /**
   * The requests counted, and the plan's objects as done, failed or not sent (all not sent when
   * none went out).
   */
  private static void results(ObjectNode doc, ApplyOutcome outcome) {
    ApplyReport report = outcome.report();
    List<Action> actions = outcome.saved() == null ? List.of() : outcome.saved().plan().actions();
    ObjectNode requests = doc.putObject("requests");
    requests.put("planned", outcome.saved() == null ? 0 : outcome.saved().plan().calls().size());
    ArrayNode done = NODES.arrayNode();
    ArrayNode failed = NODES.arrayNode();
    ArrayNode notSent = NODES.arrayNode();
    if (report == null) {
      requests
          .put("sent", 0)
          .put("failed", 0)
          .put("not_sent", outcome.saved() == null ? 0 : outcome.saved().plan().calls().size());
      actions.forEach(a -> notSent.add(object(a)));
    } else {
      requests
          .put("sent", report.sent())
          .put("failed", count(report, CallResult.Status.FAILED))
          .put("not_sent", count(report, CallResult.Status.NOT_SENT));
      Map<Address, CallResult.Status> states = report.states();
      for (Action a : actions) {
        CallResult.Status state = states.getOrDefault(a.address(), CallResult.Status.DONE);
        switch (state) {
          case DONE -> done.add(object(a));
          case FAILED -> failed.add(object(a).set("error", error(report, a.address())));
          case NOT_SENT -> notSent.add(object(a));
        }
      }
    }
    doc.set("done", done);
    doc.set("failed", failed);
    doc.set("not_sent", notSent);
  }

  /** Each round as the report's own keys say it, with the builds it could not give yet. */
  private static ObjectNode wait(WaitRounds wait) {
    ObjectNode node =
        NODES
            .objectNode()
            .put("timeout_seconds", wait.timeout().toSeconds())
            .put("waited_seconds", wait.waited().toSeconds());
    ArrayNode rounds = node.putArray("rounds");
    for (ApplyOutcome round : wait.rounds()) {
      ObjectNode r = rounds.addObject();
      r.put("outcome", round.ending().name().toLowerCase(Locale.ROOT));
      r.set("summary", round.saved() == null ? null : PlanDocument.summary(round.saved().plan()));
      results(r, round);
      r.set("verification", verification(round.verification()));
      r.set("pending", pending(round.saved() == null ? List.of() : round.saved().plan().pending()));
    }
    node.set("pending", pending(wait.pending()));
    return node;
  }

  private static ArrayNode pending(List<PendingBuild> builds) {
    ArrayNode list = NODES.arrayNode();
    builds.forEach(
        b ->
            list.addObject()
                .put("app", b.app())
                .put("build_id", b.buildId())
                .put("build", b.label())
                .put("reason", b.reason()));
    return list;
  }

  private static long count(ApplyReport report, CallResult.Status status) {
    return report.results().stream().filter(r -> r.status() == status).count();
  }

  /**
   * The first failed request serving {@code address}: which, why, and App Store Connect's answer
   * when there was one.
   */
  private static ObjectNode error(ApplyReport report, Address address) {
    CallResult r =
        report.results().stream()
            .filter(
                c -> c.status() == CallResult.Status.FAILED && c.call().serves().contains(address))
            .findFirst()
            .orElseThrow();
    ObjectNode node =
        NODES
            .objectNode()
            .put("request", r.call().method() + " " + r.call().path())
            .put("purpose", r.call().purpose())
            .put("message", r.error());
    CallResult.Answer answer = r.answer();
    if (answer == null) {
      node.putNull("status").putNull("code").putNull("detail");
    } else {
      node.put("status", answer.status()).put("code", answer.code()).put("detail", answer.detail());
    }
    return node;
  }

  private static ObjectNode object(Action a) {
    ObjectNode node =
        NODES
            .objectNode()
            .put("address", a.address().toString())
            .put("app", a.address().app())
            .put("type", a.address().type())
            .put("name", a.address().key());
    ArrayNode names = node.putArray("actions");
    PlanDocument.actionNames(a.kind()).forEach(names::add);
    return node;
  }

  private static ObjectNode verification(Verification v) {
    if (v == null) {
      return null;
    }
    ObjectNode node =
        NODES
            .objectNode()
            .put("verified", v.converged())
            .put("reads", v.reads())
            .put("waited_seconds", v.waited().toSeconds())
            .put("left_out", v.last().leftOut());
    ArrayNode remaining = node.putArray("remaining");
    v.drift()
        .forEach(
            d ->
                remaining.add(
                    object(d.action()).put("reason", d.action().reason()).put("why", d.why())));
    node.set("diagnostics", PlanDocument.diagnostics(v.last().diagnostics()));
    return node;
  }
}
