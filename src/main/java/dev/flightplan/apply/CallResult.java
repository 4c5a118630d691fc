package dev.flightplan.apply;

import dev.flightplan.plan.ApiCall;
import java.util.Objects;

/**
 * What happened to one planned API call. Past tense: {@code DONE}, {@code FAILED}, or {@code NOT_SENT}. {@code
 * note} (null when there is nothing to say) tells how a call whose answer left the outcome open was settled, e.g.
 * "adopted betaGroups 1f3… after the answer was lost".
 */
public record CallResult(ApiCall call, Status status, String error, String note) {
  public enum Status { DONE, FAILED, NOT_SENT }

  public CallResult {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(status, "status");
  }

  public CallResult(ApiCall call, Status status, String error) {
    this(call, status, error, null);
  }
}
