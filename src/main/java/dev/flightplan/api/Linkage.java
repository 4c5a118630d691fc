package dev.flightplan.api;

import java.util.Objects;

/**
 * A JSON:API resource identifier {@code {type, id}}: what relationship data and linkage endpoints
 * carry.
 */
public record Linkage(String type, String id) {
  public Linkage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }
}
