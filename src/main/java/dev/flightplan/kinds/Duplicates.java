package dev.flightplan.kinds;

import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Phase;
import java.util.List;

/**
 * The extra copies of a natural key that App Store Connect holds more than once ({@link
 * dev.flightplan.state.Copies} says which copy is kept and why): each is drift, planned as a delete
 * whose reason names the kept copy. Deleting a copy of something the file manages needs no {@code
 * --prune}: {@code --prune} is for objects the file does not mention, and a second copy of one it
 * does contradicts the file as a wrong value would. {@code --max-deletes} counts these deletes like
 * any other.
 */
public final class Duplicates {
  /** Why the lowest id is kept: App Store Connect gives these objects no creation date. */
  public static final String LOWEST_ID = "the lowest id, as App Store Connect dates neither copy";

  private Duplicates() {}

  /**
   * A copy's address: the kept copy's key and the copy's id, so that the two never share an
   * address.
   */
  public static Address address(Address kept, String id) {
    return new Address(kept.app(), kept.type(), kept.key() + " (duplicate " + id + ")");
  }

  /**
   * "duplicate of localization "en-US" (kept: K, the lowest id, ...), created outside this plan".
   */
  public static String reason(Address kept, String keptId, String whyKept) {
    return "duplicate of "
        + kept.local()
        + " (kept: "
        + keptId
        + ", "
        + whyKept
        + "), created outside this plan: "
        + "App Store Connect holds it twice when two creates ran at once";
  }

  /**
   * Plans the delete of the copy {@code id} of {@code kept} (whose own id is {@code keptId}) by
   * {@code DELETE /v1/<type>/<id>} in {@code phase}; {@code before} is what the copy holds.
   */
  public static void delete(
      AppContext ctx,
      Phase phase,
      String type,
      Address kept,
      String keptId,
      String whyKept,
      String id,
      Attributes before) {
    delete(ctx, phase, type, address(kept, id), id, before, reason(kept, keptId, whyKept));
  }

  /**
   * Plans the delete of {@code id} at {@code address} by {@code DELETE /v1/<type>/<id>} in {@code
   * phase}.
   */
  public static void delete(
      AppContext ctx,
      Phase phase,
      String type,
      Address address,
      String id,
      Attributes before,
      String reason) {
    ctx.out().action(new Action.Delete(address, id, before, reason));
    ctx.out()
        .call(
            phase,
            new ApiCall(
                "DELETE",
                "/v1/" + type + "/" + id,
                null,
                null,
                "delete " + address.local(),
                List.of(address)));
  }
}
