package dev.flightplan.sandbox;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides, for each request, which fault of a {@link FaultSpec} strikes it, and keeps the tokens it
 * revoked. A decision depends on the seed, the request's method and path template, and how many
 * requests of that method and template came before, so concurrent requests to other endpoints do
 * not shift it. Thread-safe.
 */
final class FaultInjector {
  /** What happens to one request: nothing, or a fault before or after the endpoint runs. */
  enum Fault {
    NONE,
    SERVER_ERROR,
    RATE_LIMITED,
    RESET,
    /** The change is made, then the client gets a 5xx. */
    SERVER_ERROR_AFTER,
    /** The change is made, then the connection closes without an answer. */
    RESET_AFTER,
    /** 403: the API key's role does not allow the request (only ever scripted, never random). */
    FORBIDDEN,
    /**
     * Answered normally, but only after the spec's slow duration (scripted; random ones are {@link
     * Decision#slow}).
     */
    SLOW,
    /**
     * The change is made, then the client gets its 2xx status with a JSON body that is no JSON:API
     * document, as a broken proxy might answer (only ever scripted, never random).
     */
    GARBLED_AFTER
  }

  /** The fault (if any) and whether the answer is delayed. */
  record Decision(Fault fault, boolean slow) {
    static final Decision NONE = new Decision(Fault.NONE, false);
  }

  private final FaultSpec spec;
  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
  private final AtomicLong authenticated = new AtomicLong();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
  private final Map<String, java.util.Queue<Fault>> scripted = new ConcurrentHashMap<>();

  FaultInjector(FaultSpec spec) {
    this.spec = spec;
  }

  FaultSpec spec() {
    return spec;
  }

  /**
   * Makes the next request with this method and template meet {@code fault}, before any random one.
   */
  void failNext(String methodAndTemplate, Fault fault) {
    scripted
        .computeIfAbsent(methodAndTemplate, k -> new java.util.concurrent.ConcurrentLinkedQueue<>())
        .add(fault);
  }

  /** The fault for the next request with this method and template. */
  Decision decide(String method, String template) {
    String key = method + " " + template;
    java.util.Queue<Fault> queue = scripted.get(key);
    Fault next = queue == null ? null : queue.poll();
    if (next != null) {
      count(next.name().toLowerCase(java.util.Locale.ROOT));
      return next == Fault.SLOW ? new Decision(Fault.NONE, true) : new Decision(next, false);
    }
    if (!spec.active()) {
      return Decision.NONE;
    }
    long n = sequences.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
    SplittableRandom random = new SplittableRandom(mix(spec.seed(), key.hashCode(), n));
    boolean slow = random.nextDouble() < spec.slow();
    double u = random.nextDouble();
    boolean write = !method.equals("GET");
    boolean after = write && random.nextDouble() < spec.lost();
    Fault fault;
    if (u < spec.serverErrors()) {
      fault = after ? Fault.SERVER_ERROR_AFTER : Fault.SERVER_ERROR;
    } else if (u < spec.serverErrors() + spec.rateLimited()) {
      fault = Fault.RATE_LIMITED;
    } else if (u < spec.serverErrors() + spec.rateLimited() + spec.resets()) {
      fault = after ? Fault.RESET_AFTER : Fault.RESET;
    } else {
      fault = Fault.NONE;
    }
    if (slow) {
      count("slow");
    }
    if (fault != Fault.NONE) {
      count(fault.name().toLowerCase(java.util.Locale.ROOT));
    }
    return new Decision(fault, slow);
  }

  /**
   * Called for every request whose token verified: true when the token is revoked (the request
   * answers 401), which happens to the token of the {@code revoke}-th such request and to every
   * later use of it. {@code revoked} counts revocations, {@code revoked_reuse} the later uses
   * answered 401.
   */
  boolean revoked(String authorization) {
    if (spec.revokeAt() <= 0) {
      return false;
    }
    if (revoked.contains(authorization)) {
      // a later use of a token already revoked: requests in flight together all carry it
      count("revoked_reuse");
      return true;
    }
    if (authenticated.incrementAndGet() == spec.revokeAt()) {
      revoked.add(authorization);
      count("revoked");
      return true;
    }
    return false;
  }

  /** How many faults of each kind were injected so far, sorted by name. */
  Map<String, Long> injected() {
    Map<String, Long> copy = new TreeMap<>();
    injected.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  private void count(String kind) {
    injected.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** A well-spread 64-bit mix of the seed, a key and a sequence number (SplitMix64's finaliser). */
  static long mix(long seed, int key, long n) {
    long z = seed * 0x9E3779B97F4A7C15L + key * 0xC2B2AE3D27D4EB4FL + n * 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
