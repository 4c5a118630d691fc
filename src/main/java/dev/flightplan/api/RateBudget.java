package dev.flightplan.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The API key's hourly allowance as this client sees it, kept from {@code X-Rate-Limit} ({@code
 * user-hour-lim}, {@code user-hour-rem}), and the pacing built on it: before each request the
 * client asks {@link #acquire()}, which waits (through the injected {@link Sleeper}) while the
 * budget is nearly spent instead of letting requests run into 429s. Thread-safe; waiting requests
 * queue in order.
 *
 * <p>The budget available is the remaining count of the last response, less the requests in flight
 * (the server may not have counted them yet), plus this client's own requests that have since left
 * the rolling hour. While that is at or below {@link #reserve()} (1 % of the limit, at least 1:
 * left for other users of the key), a request waits until its turn comes: the moment this client's
 * oldest request of the last hour leaves the window, or, when the budget was spent by others, one
 * request per {@code hour / limit} (1 s at 3,600 an hour), the pace at which a rolling window
 * refills on average. Each response corrects the estimate. Before the first response the allowance
 * is unknown and nothing waits; the 429 retry with backoff stays as the last resort. Each wait is
 * told to the {@link #onWait watchers} (apply's progress) with the moment it ends, and ends early
 * when the waiting thread is interrupted.
 */
public final class RateBudget {
  static final Duration WINDOW = Duration.ofHours(1);

  /** Slack for the server counting a request a little after this client sent it. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  private final Clock clock;
  private final Sleeper sleeper;
  private final ReentrantLock queue = new ReentrantLock(true);
  private final Deque<Instant> sent = new ArrayDeque<>();
  private RateLimit last = RateLimit.unknown();
  private long limit = -1;
  private long remaining = -1;
  private long agedOut;
  private long credits;
  private int inFlight;
  private long tickets;
  private long countedBy;

  /**
   * The last ticket handed out when the count held was taken: tickets are handed out in the order
   * requests are sent, so a request with a higher one was sent after that count arrived.
   */
  private long ticketsAtCount;

  private long pauses;
  private Duration waited = Duration.ZERO;
  private final List<Consumer<Instant>> watchers = new CopyOnWriteArrayList<>();

  RateBudget(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits, if the budget is nearly spent, until a request may be sent; then counts it as in flight.
   *
   * @return the request's ticket, to give back with its answer
   */
  long acquire() throws InterruptedException {
    queue.lockInterruptibly();
    try {
      while (true) {
        Duration wait;
        Instant resumes;
        synchronized (this) {
          Instant now = clock.instant();
          prune(now);
          if (limit < 0 || remaining < 0 || estimate() > reserve()) {
            sent.addLast(now);
            inFlight++;
            return ++tickets;
          }
          wait =
              sent.isEmpty()
                  ? refillInterval()
                  : Duration.between(now, sent.peekFirst().plus(WINDOW).plus(MARGIN));
          if (wait.isNegative()) {
            wait = Duration.ZERO;
          }
          pauses++;
          waited = waited.plus(wait);
          resumes = now.plus(wait);
        }
        watchers.forEach(w -> w.accept(resumes));
        sleeper.sleep(wait);
        synchronized (this) {
          long before = agedOut;
          prune(clock.instant());
          if (agedOut == before) {
            // the clock says otherwise, but the wait was for one request to leave the window (ours,
            // or on average
            // others'): count it back, and let the next answer tell the truth. Each wait thus frees
            // one request,
            // whatever the clock does.
            credits++;
            if (!sent.isEmpty()) {
              sent.removeFirst();
            }
          }
        }
      }
    } finally {
      queue.unlock();
    }
  }

  /**
   * After a response: what its {@code X-Rate-Limit} said (unknown when it had none). Requests in
   * flight together are counted by the server in any order, and their answers arrive in any order,
   * so of answers to requests in flight together the lowest count holds: an answer showing less
   * remaining than the count held is always taken (it changes nothing else when its request is
   * older than the one that gave the count), and one showing more is taken only from a request sent
   * after the count held arrived, which the server counted later for certain (the rolling hour gave
   * requests back). So answers overtaking one another never make the budget look larger than it is.
   */
  synchronized void answered(long ticket, RateLimit seen) {
    inFlight = Math.max(0, inFlight - 1);
    if (!seen.isKnown()) {
      return;
    }
    long now = seen.hourRemaining().orElse(-1);
    boolean lower = remaining >= 0 && now >= 0 && now < remaining;
    boolean higher = remaining >= 0 && now > remaining;
    boolean sentAfterCount = ticket > ticketsAtCount;
    if (ticket < countedBy) {
      if (lower) {
        last = seen;
        remaining = now;
        ticketsAtCount = tickets;
      }
      return;
    }
    if (higher && !sentAfterCount) {
      // in flight when the count held arrived: the server may have counted it before that one
      return;
    }
    countedBy = ticket;
    prune(clock.instant()); // what left the window until now, the answer has counted already
    last = seen;
    seen.hourLimit().ifPresent(l -> limit = l);
    seen.hourRemaining().ifPresent(r -> remaining = r);
    ticketsAtCount = tickets;
    agedOut = 0;
    credits = 0;
  }

  /** After a request that got no response (an I/O failure). */
  synchronized void unanswered() {
    inFlight = Math.max(0, inFlight - 1);
  }

  /** The last {@code X-Rate-Limit} seen on any response; unknown until one carried the header. */
  public synchronized RateLimit lastSeen() {
    return last;
  }

  /**
   * Requests this client may still send this hour without waiting, by its estimate; empty while
   * unknown.
   */
  public synchronized OptionalLong available() {
    if (limit < 0 || remaining < 0) {
      return OptionalLong.empty();
    }
    prune(clock.instant());
    return OptionalLong.of(Math.max(0, estimate() - reserve()));
  }

  /**
   * The requests kept back for other users of the key: 1 % of the limit, at least 1; 0 while
   * unknown.
   */
  public synchronized long reserve() {
    return limit < 0 ? 0 : Math.max(1, limit / 100);
  }

  /**
   * The least time it takes to send {@code requests} more, by the pacing above: zero when the
   * budget covers them, else until enough of this client's requests have left the window and then
   * one per {@code hour / limit}.
   */
  public synchronized Duration timeFor(long requests) {
    if (limit < 0 || remaining < 0 || limit == 0) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    prune(now);
    long beyond = requests - Math.max(0, estimate() - reserve());
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    Instant at = now;
    long k = 0;
    for (Iterator<Instant> it = sent.iterator(); it.hasNext() && k < beyond; k++) {
      at = it.next().plus(WINDOW).plus(MARGIN);
    }
    at = at.plus(refillInterval().multipliedBy(beyond - k));
    return at.isBefore(now) ? Duration.ZERO : Duration.between(now, at);
  }

  /** A subscription to waits ({@link #onWait}); closing it ends it. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Tells {@code watcher}, each time a request starts waiting for the budget, when that wait ends:
   * the moment its turn comes by the rolling hour observed (above). Called on the waiting thread,
   * just before it sleeps.
   */
  public Subscription onWait(Consumer<Instant> watcher) {
    watchers.add(watcher);
    return () -> watchers.remove(watcher);
  }

  /** How often, and how long in all, requests have waited for the budget. */
  public synchronized long pauses() {
    return pauses;
  }

  public synchronized Duration waited() {
    return waited;
  }

  private long estimate() {
    return remaining - inFlight + agedOut + credits;
  }

  private Duration refillInterval() {
    return WINDOW.dividedBy(Math.max(1, limit));
  }

  /** Forgets requests older than the window; each is one more the server allows again. */
  private void prune(Instant now) {
    Instant horizon = now.minus(WINDOW).minus(MARGIN);
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(horizon)) {
      sent.removeFirst();
      if (remaining >= 0) {
        agedOut++;
      }
    }
  }
}
