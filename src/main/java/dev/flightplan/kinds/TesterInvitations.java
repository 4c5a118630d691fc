package dev.flightplan.kinds;

import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.InvitationPolicy;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Id;
import dev.flightplan.plan.InvitationRecord;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.plan.Substitution;
import dev.flightplan.state.InvitationLog;
import dev.flightplan.state.LiveTester;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invitation emails of one app's testers, as the file's {@code invitations} policy asks: with
 * {@code onAdd}, one when flightplan adds a tester to internal groups only, or finds a listed one
 * NOT_INVITED in internal groups only (App Store Connect emails those in an external group itself,
 * when a build reaches it, so never them); and, with {@code resendAfterDays: N}, one again to a
 * listed tester still INVITED N days after the last invitation the invitation log knows of. App
 * Store Connect does not say when a tester was invited, so the log (state.InvitationLog) remembers
 * it: a tester found INVITED with no entry starts its interval at the apply that first sees it
 * (nobody is emailed on the day the policy is switched on), and the entries of testers who stopped
 * waiting are dropped. Every invitation is a {@code send} action with its reason; apply writes the
 * log.
 */
final class TesterInvitations {
  private static final Set<String> WAITING = Set.of("INVITED", "NOT_INVITED");

  private final AppContext ctx;
  private final InvitationPolicy policy;
  private int unseen;
  private int announcedByApple;
  private int waiting;
  private Instant nextDue;

  TesterInvitations(AppContext ctx) {
    this.ctx = ctx;
    this.policy = ctx.desired().invitations();
  }

  private boolean resends() {
    return policy.resendAfterDays() != null;
  }

  /**
   * A tester this plan creates in {@code groups}. App Store Connect emails the invitation itself to
   * a tester who joins an external group, so flightplan sends one (when {@code onAdd} is on) only
   * to a tester who joins internal groups alone, whom App Store Connect does not tell; nobody gets
   * two.
   */
  void created(String email, Id tester, List<String> groups) {
    if (anyExternal(groups)) {
      announcedByApple++;
    } else if (policy.onAdd()) {
      invite(
          email,
          tester,
          "tester newly added to internal groups only, which App Store Connect does not announce, and"
              + " invitations.onAdd is on");
    }
  }

  /** Whether one of {@code groups} is external (a loop: called once per created tester). */
  private boolean anyExternal(List<String> groups) {
    for (String g : groups) {
      if (!ctx.internalGroup(g)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A listed tester the app has: finishes an invitation an earlier apply left out, or re-sends one
   * that is due. {@code groups}: the groups the file puts the tester in.
   */
  void existing(String email, LiveTester live, List<String> groups) {
    if (policy.onAdd()
        && ctx.live().uninvitedInInternalGroupsOnly(live)
        && groups.stream().allMatch(ctx::internalGroup)) {
      // an earlier apply may have stopped between adding and inviting: this one finishes the job
      invite(
          email,
          Id.of(live.id()),
          "in internal groups only and never invited (App Store Connect does not email such"
              + " a tester until a build is available to it; an earlier apply may have stopped before inviting), and"
              + " invitations.onAdd is on");
      return;
    }
    if (!resends() || !"INVITED".equals(live.state())) {
      return;
    }
    InvitationLog.Entry entry = ctx.history().log().entry(ctx.app(), live.id()).orElse(null);
    if (entry == null) {
      unseen++;
      ctx.out().invitation(InvitationRecord.seen(ctx.app(), live.id()));
      return;
    }
    Instant due = entry.at().plus(Duration.ofDays(policy.resendAfterDays()));
    if (due.isAfter(ctx.history().now())) {
      waiting++;
      nextDue = nextDue == null || due.isBefore(nextDue) ? due : nextDue;
      return;
    }
    long days = Duration.between(entry.at(), ctx.history().now()).toDays();
    invite(
        email,
        Id.of(live.id()),
        "still INVITED "
            + days
            + " day(s) after "
            + (entry.sent() ? "flightplan invited it on " : "flightplan first found it waiting on ")
            + day(entry.at())
            + ", and invitations.resendAfterDays is "
            + policy.resendAfterDays());
  }

  /**
   * After every tester: drops the log entries of testers no longer waiting, and says what the log
   * holds.
   */
  void finish() {
    if (announcedByApple > 0) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              "App Store Connect emails the TestFlight invitation itself to the "
                  + announcedByApple
                  + " tester(s) this plan adds to external groups");
    }
    if (!resends()) {
      return;
    }
    Map<String, LiveTester> byId = new HashMap<>();
    ctx.live().testers().forEach(t -> byId.put(t.id(), t));
    // the inactive-tester policy (kinds/hygiene) dates every tester of the app by the log: keep
    // theirs while they stay
    boolean sightings = ctx.desired().datesTesters();
    for (String id : ctx.history().log().of(ctx.app()).keySet()) {
      LiveTester t = byId.get(id);
      if (t == null
          || !sightings
              && (t.email() == null || !ctx.declared(t.email()) || !WAITING.contains(t.state()))) {
        ctx.out().invitation(InvitationRecord.forget(ctx.app(), id));
      }
    }
    if (unseen > 0) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              unseen
                  + " tester(s) still INVITED have no invitation on record in the invitation"
                  + " log; apply records them today and re-sends in "
                  + policy.resendAfterDays()
                  + " day(s) if they are still waiting");
    }
    if (waiting > 0) {
      ctx.out()
          .note(
              ctx.app(),
              ctx.app(),
              waiting
                  + " tester(s) still INVITED, not yet due for a re-send; the next is due on "
                  + day(nextDue)
                  + " (invitations.resendAfterDays: "
                  + policy.resendAfterDays()
                  + ")");
    }
  }

  /**
   * Plans the invitation email. When its answer is lost, the tester's state is read back: INVITED
   * (or ACCEPTED, INSTALLED) means an invitation went out, by this request or because joining a
   * group sent one, so it is not sent again and nobody gets two; NOT_INVITED means it did not, and
   * it is sent again. A re-send is thus sent at most once: its log entry is written before it goes
   * out.
   */
  private void invite(String email, Id tester, String reason) {
    Address invitation = new Address(ctx.app(), "invitation", email);
    ctx.out()
        .action(
            new Action.Send(invitation, Attributes.builder().put("tester", email).build(), reason));
    Map<String, Object> rels = new LinkedHashMap<>();
    rels.put("app", new Linkage("apps", ctx.live().id()));
    List<Substitution> ids = new ArrayList<>();
    rels.put(
        "betaTester",
        new Linkage(
            TesterKind.TYPE,
            Substitution.place(tester, Substitution.relationshipId("betaTester"), ids)));
    ctx.out()
        .call(
            Phase.INVITE,
            new ApiCall(
                    "POST",
                    "/v1/betaTesterInvitations",
                    JsonApi.create("betaTesterInvitations", Map.of(), rels),
                    null,
                    "invite " + email,
                    List.of(invitation))
                .substituting(ids)
                .readingBack(
                    ReadBack.findOneOf(
                            Query.of("/v1/betaTesters/" + tester.inPath())
                                .param("fields[betaTesters]", "state")
                                .build(),
                            TesterKind.TYPE,
                            "state",
                            List.of("INVITED", "ACCEPTED", "INSTALLED"))
                        .withIdInPath(tester)));
    if (resends()) {
      ctx.out().invitation(InvitationRecord.sent(ctx.app(), tester, invitation));
    }
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
