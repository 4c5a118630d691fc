package dev.flightplan.apply;

import dev.flightplan.plan.ApiCall;
import java.util.Objects;

/** What happened to one planned API call. Past tense: {@code DONE}, {@code FAILED}, or {@code NOT_SENT}. */
public record CallResult(ApiCall call, Status status, String error) {
  public enum Status { DONE, FAILED, NOT_SENT }

  public CallResult {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(status, "status");
  }
}
