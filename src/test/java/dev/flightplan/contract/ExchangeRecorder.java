package dev.flightplan.contract;

import dev.flightplan.sandbox.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps every exchange a sandbox reports, in arrival order; safe to use from the sandbox's request
 * threads.
 */
public final class ExchangeRecorder implements Consumer<Exchange> {
  private final List<Exchange> exchanges = new ArrayList<>();

  @Override
  public synchronized void accept(Exchange exchange) {
    exchanges.add(exchange);
  }

  /** A copy of what was recorded so far. */
  public synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  public synchronized void clear() {
    exchanges.clear();
  }
}
