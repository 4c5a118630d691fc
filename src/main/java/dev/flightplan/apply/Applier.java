package dev.flightplan.apply;

import dev.flightplan.api.AscClient;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends a plan's API calls in dependency order, up to {@code parallelism} at once (see {@link
 * Scheduler}), putting the ids created earlier in the same apply where the calls say they go (see
 * {@link Requests}). Stops starting calls at the first failure; the report then says which calls
 * were sent and which were not, and running apply again (which plans afresh) finishes the job.
 *
 * <p>Each call is sent safely ({@link #send(ApiCall, Map)}): when its answer leaves the outcome
 * open (a create whose answer was lost, a 409 that may mean "already there", a 202) the call's
 * {@link dev.flightplan.plan.ReadBack} is read to find out, what exists is adopted, and only what
 * is missing is sent again. A create is never repeated blindly. Every read-back and repeat goes to
 * the client's debug log.
 */
public final class Applier {
  private final AscClient client;
  private final Consumer<CallResult> progress;
  private final Function<String, Optional<String>> secrets;
  private final Delivery delivery;
  private final int parallelism;
  private final BooleanSupplier stopRequested;

  /**
   * {@code secrets} resolves a secret's description ({@code env NAME}) to its value, only when
   * sending; {@code parallelism} bounds the calls in flight ({@link Scheduler}); once {@code
   * stopRequested} says so, no further call starts.
   */
  public Applier(
      AscClient client,
      Consumer<CallResult> progress,
      Function<String, Optional<String>> secrets,
      int parallelism,
      BooleanSupplier stopRequested) {
    this.client = Objects.requireNonNull(client, "client");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.delivery = new Delivery(client);
    this.parallelism = parallelism;
    this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
  }

  public ApplyReport apply(Plan plan) {
    Map<String, String> ids = new ConcurrentHashMap<>();
    List<CallResult> results =
        new Scheduler(parallelism)
            .run(plan.calls(), call -> send(call, ids), progress, stopRequested);
    return new ApplyReport(plan, results, ids);
  }

  /**
   * Sends one call safely and says what became of it (DONE or FAILED; NOT_SENT if stopped first);
   * what it creates is put in {@code ids} under the reference it produces. The references it {@link
   * ApiCall#needs() needs} must be in {@code ids} already. Runs on the scheduler's workers, several
   * at once, with the same concurrent map.
   */
  public CallResult send(ApiCall call, Map<String, String> ids) {
    Requests.Resolved request = Requests.resolve(call, ids, secrets);
    return delivery.deliver(call, request.path(), request.body(), request.readPath(), ids);
  }
}
