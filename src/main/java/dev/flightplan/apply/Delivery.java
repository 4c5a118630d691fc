package dev.flightplan.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.api.ApiException;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Resource;
import dev.flightplan.api.RetryPolicy;
import dev.flightplan.api.StoppedException;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.ReadBack;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers one resolved call so that it takes effect exactly once. The client already repeats what
 * is safe to repeat (429, and 5xx or I/O failures of reads, PATCHes, DELETEs and relationship
 * POSTs). What it cannot settle is settled here by reading back as the call's {@link ReadBack}
 * says:
 *
 * <ul>
 *   <li>a create whose answer was lost: read once; what exists is adopted (its id is what the call
 *       produces); otherwise it is sent again, at most as often as the retry policy allows. One
 *       read is enough because a create that did take effect but does not show yet is answered 409
 *       when sent again (App Store Connect refuses duplicates with 409, api-behaviour.md §3), and
 *       the 409 is then read back patiently, below;
 *   <li>a 409 (which App Store Connect also answers for "already there"): read, allowing for reads
 *       that trail writes (backoff, as many reads as the retry policy has attempts); done when the
 *       read shows it, otherwise the ids still missing are sent again, or, for a create, the 409
 *       stands;
 *   <li>a 202 (accepted, completes later): read until the change shows, within the same bound; a
 *       delete is never sent again, and one not visible yet is left to the verification after
 *       apply;
 *   <li>a one-off request that leaves nothing to read ({@link ReadBack.Mode#NONE}): a lost answer
 *       counts as done.
 * </ul>
 *
 * <p>A call stopped before it went out (apply is stopping: {@link StoppedException}) is {@code
 * NOT_SENT}.
 */
final class Delivery {
  private final AscClient client;
  private final RetryPolicy policy;

  Delivery(AscClient client) {
    this.client = client;
    this.policy = client.options().retry();
  }

  CallResult deliver(
      ApiCall call, String path, JsonNode body, String readPath, Map<String, String> ids) {
    try {
      return settle(call, path, body, readPath, ids);
    } catch (ReadFailed e) {
      return new CallResult(call, CallResult.Status.FAILED, e.getMessage());
    }
  }

  /** A read-back that failed: the call's outcome stays unknown. */
  private static final class ReadFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReadFailed(String message) {
      super(message, null, false, false);
    }
  }

  private CallResult settle(
      ApiCall call, String path, JsonNode body, String readPath, Map<String, String> ids) {
    ReadBack rb = call.readBack();
    String what = call.method() + " " + stripQuery(path);
    for (int send = 1; ; send++) {
      ApiException failure;
      try {
        AscClient.Answer answer = client.write(call.method(), path, body);
        if (call.produces() != null) {
          ids.put(call.produces(), producedId(call, answer.document()));
        }
        if (answer.status() == 202 && rb != null && rb.mode() == ReadBack.Mode.MEMBERS) {
          return accepted(call, what, body, readPath);
        }
        return new CallResult(
            call, CallResult.Status.DONE, null, send > 1 ? "sent " + send + " times" : null);
      } catch (ApiException e) {
        failure = e;
      }
      if (failure instanceof StoppedException stopped && stopped.neverSent() && send == 1) {
        // apply is stopping and this call had not gone out yet: nothing of it was done
        return new CallResult(call, CallResult.Status.NOT_SENT, null);
      }
      if (call.tolerate().stream().anyMatch(failure::hasCode)) {
        // the API says that what the call asks for already holds
        return new CallResult(
            call,
            CallResult.Status.DONE,
            null,
            "the API answered " + failure.code() + ": it holds already");
      }
      boolean unknown = failure.outcomeUnknown();
      boolean conflict = failure.status() == 409;
      if (rb == null || !(unknown || conflict)) {
        return failed(call, failure);
      }
      String why =
          unknown ? "the answer was lost (" + shortly(failure) + ")" : "409 " + failure.code();
      if (rb.mode() == ReadBack.Mode.NONE) {
        if (!unknown) {
          return failed(call, failure);
        }
        debug(
            what
                + ": "
                + why
                + "; a one-off request leaves nothing to read back, so it is not sent again");
        return new CallResult(
            call,
            CallResult.Status.DONE,
            null,
            "outcome unknown (" + shortly(failure) + "); not sent again, so nobody is told twice");
      }
      int reads = conflict ? policy.maxAttempts() : 1;
      for (int read = 1; read <= reads; read++) {
        debug(
            "read back "
                + what
                + ": "
                + why
                + "; reading GET "
                + stripQuery(readPath)
                + (reads > 1 ? " (read " + read + " of " + reads + ")" : ""));
        if (rb.mode() == ReadBack.Mode.FIND) {
          Optional<Resource> found = read(failure, () -> ReadBacks.find(client, rb, readPath));
          if (found.isPresent()) {
            if (call.produces() != null) {
              ids.put(call.produces(), found.get().id());
            }
            String note =
                "adopted " + found.get().type() + " " + found.get().id() + " after " + why;
            debug(what + ": " + note);
            return new CallResult(call, CallResult.Status.DONE, null, note);
          }
        } else {
          Set<String> present = read(failure, () -> ReadBacks.members(client, readPath));
          Set<String> missing = missing(call, body, present);
          if (missing.isEmpty()) {
            String note = "read back after " + why + ": it holds";
            debug(what + ": " + note);
            return new CallResult(call, CallResult.Status.DONE, null, note);
          }
          body = ReadBacks.only(body, missing);
        }
        if (read < reads) {
          pause(what + ": not visible yet (App Store Connect's reads can trail its writes)", read);
        }
      }
      if (conflict && rb.mode() == ReadBack.Mode.FIND) {
        return failed(call, failure, "; reading back " + reads + " times did not find it");
      }
      if (send >= policy.maxAttempts()) {
        return failed(call, failure, "; gave up after " + send + " sends, each read back first");
      }
      pause(
          "retry "
              + what
              + ": read back, it did not take effect; sending "
              + (rb.mode() == ReadBack.Mode.MEMBERS ? "what is missing " : "it ")
              + "again (send "
              + (send + 1)
              + " of "
              + policy.maxAttempts()
              + ")",
          send);
    }
  }

  /** A 202: the change completes later. Read until it shows; never send a delete again. */
  private CallResult accepted(ApiCall call, String what, JsonNode body, String readPath) {
    for (int read = 1; read <= policy.maxAttempts(); read++) {
      debug(
          "read back "
              + what
              + ": 202 accepted; reading GET "
              + stripQuery(readPath)
              + " (read "
              + read
              + " of "
              + policy.maxAttempts()
              + ")");
      Set<String> present;
      try {
        present = ReadBacks.members(client, readPath);
      } catch (ApiException e) {
        debug(
            what
                + ": accepted (202); reading back failed ("
                + e.getMessage()
                + "); the verification after apply checks it");
        return new CallResult(call, CallResult.Status.DONE, null, "accepted (202), not read back");
      }
      if (missing(call, body, present).isEmpty()) {
        return new CallResult(
            call, CallResult.Status.DONE, null, "accepted (202), confirmed by reading back");
      }
      if (read < policy.maxAttempts()) {
        pause(what + ": accepted but not visible yet", read);
      }
    }
    debug(what + ": accepted (202) but not visible yet; the verification after apply checks it");
    return new CallResult(call, CallResult.Status.DONE, null, "accepted (202), not visible yet");
  }

  private static <T> T read(ApiException failure, java.util.function.Supplier<T> reading) {
    try {
      return reading.get();
    } catch (ApiException e) {
      throw new ReadFailed(
          failure.getMessage()
              + "; reading back to find out whether it took effect failed too: "
              + e.getMessage());
    }
  }

  /**
   * The ids of the body that have not taken effect: not listed yet (POST), or still listed
   * (DELETE).
   */
  private static Set<String> missing(ApiCall call, JsonNode body, Set<String> present) {
    Set<String> missing = new LinkedHashSet<>();
    boolean adding = !call.method().equals("DELETE");
    for (String id : ReadBacks.ids(body)) {
      if (present.contains(id) != adding) {
        missing.add(id);
      }
    }
    return missing;
  }

  private static String producedId(ApiCall call, Optional<Document> document) {
    return document
        .flatMap(Document::single)
        .map(Resource::id)
        .orElseThrow(() -> new IllegalStateException(call.template() + " returned no resource id"));
  }

  private void pause(String why, int attempt) {
    Duration wait = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
    debug(why + "; waiting " + wait.toMillis() + " ms");
    try {
      client.options().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // apply is stopping; the call was sent, and the next apply plans afresh from what took effect
      throw new ReadFailed(why + "; stopped while waiting");
    }
  }

  private void debug(String line) {
    client.options().debugLog().accept(line);
  }

  private static CallResult failed(ApiCall call, ApiException e) {
    return failed(call, e, "");
  }

  private static CallResult failed(ApiCall call, ApiException e, String more) {
    CallResult.Answer answer =
        e.status() == 0 ? null : new CallResult.Answer(e.status(), e.code(), e.detail());
    return new CallResult(call, CallResult.Status.FAILED, e.getMessage() + more, null, answer);
  }

  private static String shortly(ApiException e) {
    if (e.status() == 0) {
      return "no answer";
    }
    return e.status() + (e.code() == null ? "" : " " + e.code());
  }

  private static String stripQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}
