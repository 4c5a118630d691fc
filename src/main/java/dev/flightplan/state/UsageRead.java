package dev.flightplan.state;

import dev.flightplan.api.Document;
import dev.flightplan.config.AppSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The testers' usage metrics of an app ({@link TesterActivity}, in {@link LiveApp#activity}), which
 * a kind declares it needs when the file asks for them: {@code period} gives the period the app's
 * file wants ({@code P90D}), or null when it wants none; {@code reader} says which request reads
 * them (the state reader sends it, beside the app's other reads, following its pages) and decodes
 * each page. A saved plan keeps the period, so that its staleness check reads the same.
 */
public record UsageRead(Function<AppSpec, String> period, Reader reader) {
  public UsageRead {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(reader, "reader");
  }

  /** How what an app's testers did in a period is read. */
  public interface Reader {
    /**
     * The request (path and query) for the testers' usage of the app {@code appId} in {@code
     * period}.
     */
    String query(String appId, String period);

    /** The testers' usage one page of the answer holds. */
    List<TesterActivity> decode(Document page);
  }
}
