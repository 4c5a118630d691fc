package dev.flightplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The plan schema lists the phases a call may be in, in the order apply sends them. */
class PhaseSchemaTest {
  @Test
  void theSchemaListsEveryPhaseInOrder() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Path.of("schema/plan.schema.json").toFile());
    List<String> listed = new ArrayList<>();
    schema
        .path("$defs")
        .path("api_call")
        .path("properties")
        .path("phase")
        .path("enum")
        .forEach(n -> listed.add(n.asText()));
    assertThat(listed)
        .isEqualTo(
            Arrays.stream(Phase.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
  }
}
