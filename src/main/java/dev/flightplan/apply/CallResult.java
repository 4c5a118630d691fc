package dev.flightplan.apply;

import dev.flightplan.plan.ApiCall;
import java.util.Objects;

/**
 * What happened to one planned API call. Past tense: {@code DONE}, {@code FAILED}, or {@code
 * NOT_SENT}. {@code note} (null when there is nothing to say) tells how a call whose answer left
 * the outcome open was settled, e.g. "adopted betaGroups 1f3… after the answer was lost". A failed
 * call has its {@code error} as a sentence and, when App Store Connect answered it with an error,
 * that answer ({@code answer}; null otherwise).
 */
public record CallResult(ApiCall call, Status status, String error, String note, Answer answer) {
  public enum Status {
    DONE,
    FAILED,
    NOT_SENT
  }

  /**
   * App Store Connect's error answer to a call: the HTTP status and its first error's code and
   * detail (either may be null).
   */
  public record Answer(int status, String code, String detail) {}

  public CallResult {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(status, "status");
  }

  public CallResult(ApiCall call, Status status, String error, String note) {
    this(call, status, error, note, null);
  }

  public CallResult(ApiCall call, Status status, String error) {
    this(call, status, error, null, null);
  }
}
