package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ShellScript} reads documented command lines as a shell would. */
class ShellScriptTest {
  @Test
  void commandsAreSplitAtOperatorsWithTheirRedirectionsAndComments() {
    List<ShellScript.Command> commands =
        ShellScript.parse(
            "v=1.2\n"
                + "./mvnw -q package && java -jar target/flightplan.jar plan -f \"a b.yaml\" > plan.md 2> plan.log   # exit 2: changes\n"
                + "cat in.yaml | flightplan validate -f - 2>&1\n"
                + "flightplan apply 'x$v' \"y$v\" < p.json || true\n",
            Map.of());
    assertThat(commands)
        .extracting(ShellScript.Command::text)
        .containsExactly(
            "v=1.2",
            "./mvnw -q package",
            "java -jar target/flightplan.jar plan -f \"a b.yaml\" > plan.md 2> plan.log",
            "cat in.yaml",
            "flightplan validate -f - 2>&1",
            "flightplan apply 'x$v' \"y$v\" < p.json",
            "true");
    ShellScript.Command plan = commands.get(2);
    assertThat(plan.words())
        .containsExactly("java", "-jar", "target/flightplan.jar", "plan", "-f", "a b.yaml");
    assertThat(plan.out()).isEqualTo("plan.md");
    assertThat(plan.err()).isEqualTo("plan.log");
    assertThat(plan.comment()).isEqualTo("exit 2: changes");
    assertThat(commands.get(1).comment()).isNull();
    assertThat(commands.get(4).piped()).isTrue();
    assertThat(commands.get(4).errToOut()).isTrue();
    assertThat(commands.get(4).words()).containsExactly("flightplan", "validate", "-f", "-");
    assertThat(commands.get(5).words()).containsExactly("flightplan", "apply", "x$v", "y1.2");
    assertThat(commands.get(5).in()).isEqualTo("p.json");
    assertThat(commands.get(5).piped()).isFalse();
    assertThat(commands.get(6).piped()).isFalse();
  }
}
