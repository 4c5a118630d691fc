package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.Manage.GroupsMode;
import dev.flightplan.config.Manage.TestersMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped example loads cleanly into exactly the facts it states (the sandbox's demo data differs from them). */
class ExampleConfigTest {
  static final Path EXAMPLE = Path.of("examples", "testflight.yaml");
  private static LoadResult result;
  private static AppSpec app;

  @BeforeAll
  static void load() {
    result = ConfigLoader.load(EXAMPLE);
    app = result.state().orElseThrow().app("com.example.weather").orElseThrow();
  }

  @Test
  void loadsWithoutDiagnostics() {
    assertThat(result.diagnostics().isEmpty()).as(result.diagnostics().toString()).isTrue();
    DesiredState state = result.state().orElseThrow();
    assertThat(state.source()).isEqualTo(EXAMPLE.toString());
    assertThat(state.version()).isEqualTo(1);
    assertThat(state.apps()).extracting(AppSpec::bundleId).containsExactly("com.example.weather");
  }

  @Test
  void manageIsAllAndExclusive() {
    assertThat(app.manage()).isEqualTo(new Manage(GroupsMode.ALL, TestersMode.EXCLUSIVE));
  }

  @Test
  void groupsCarryTheirSettings() {
    assertThat(app.groupNames()).containsExactly("QA", "Friends & Family", "Public Beta");
    GroupSpec qa = app.groups().get(0);
    assertThat(qa.internal()).isTrue();
    assertThat(qa.accessToAllBuilds()).isTrue();
    assertThat(qa.feedback()).isTrue();
    assertThat(qa.protect()).isFalse();
    GroupSpec friends = app.groups().get(1);
    assertThat(friends.internal()).isFalse();
    assertThat(friends.accessToAllBuilds()).isNull();
    assertThat(friends.feedback()).isTrue();
    assertThat(friends.protect()).isFalse();
    GroupSpec publicBeta = app.groups().get(2);
    assertThat(publicBeta.internal()).isFalse();
    assertThat(publicBeta.feedback()).isTrue();
    assertThat(publicBeta.protect()).isTrue();
    assertThat(publicBeta.testers()).containsExactly("carol@example.com");
  }

  @Test
  void membersByGroupIsTheUnionOfBothLists() {
    assertThat(app.membersByGroup())
        .containsExactly(
            Map.entry("QA", Set.of("alice@example.com", "bob@example.com")),
            Map.entry("Friends & Family", Set.of("carol@example.com", "dave@example.com")),
            Map.entry("Public Beta", Set.of("carol@example.com", "dave@example.com")));
  }

  @Test
  void groupsByTester() {
    assertThat(app.groupsByTester())
        .containsExactly(
            Map.entry("carol@example.com", Set.of("Friends & Family", "Public Beta")),
            Map.entry("dave@example.com", Set.of("Friends & Family", "Public Beta")),
            Map.entry("alice@example.com", Set.of("QA")),
            Map.entry("bob@example.com", Set.of("QA")));
  }

  @Test
  void testersHaveNamesAndTheirOwnGroups() {
    assertThat(app.testers())
        .extracting(TesterSpec::email, TesterSpec::firstName, TesterSpec::lastName, TesterSpec::groups)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("carol@example.com", "Carol", "Ng", List.of()),
            org.assertj.core.groups.Tuple.tuple("dave@example.com", "Dave", "Ito", List.of("Public Beta")),
            org.assertj.core.groups.Tuple.tuple("alice@example.com", "Alice", "Doe", List.of()),
            org.assertj.core.groups.Tuple.tuple("bob@example.com", "Bob", "Roe", List.of()));
  }

  @Test
  void positionsPointIntoTheFile() {
    assertThat(app.pos().file()).isEqualTo(EXAMPLE.toString());
    assertThat(app.groups().get(0).pos().line()).isGreaterThan(app.pos().line());
    assertThat(app.testers().get(0).pos().line()).isGreaterThan(app.groups().get(2).pos().line());
  }
}
