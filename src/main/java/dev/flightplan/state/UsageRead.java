package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.config.AppSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The testers' usage metrics of an app ({@link TesterActivity}, in {@link LiveApp#activity}), which a kind declares
 * it needs when the file asks for them: {@code period} gives the period the app's file wants ({@code P90D}), or null
 * when it wants none; {@code reader} reads them, with requests of their own, beside the app's other reads. A saved
 * plan keeps the period, so that its staleness check reads the same.
 */
public record UsageRead(Function<AppSpec, String> period, Reader reader) {
  public UsageRead {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(reader, "reader");
  }

  /** Reads what an app's testers did in a period. */
  @FunctionalInterface
  public interface Reader {
    /** The testers' usage of the app {@code appId} in {@code period}, by tester id. */
    List<TesterActivity> read(AscClient client, String appId, String period);
  }
}
