package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Merge keys and aliases are expanded by the reader, within {@link Limits#MAX_ALIAS_VALUES}
 * repeated values and {@link Limits#MAX_ALIAS_CHARS} repeated characters: merges keep YAML's
 * meaning (own keys win, then the merged mappings in order), and what they copy counts like what
 * aliases repeat.
 */
class AliasBudgetTest {
  @Test
  void mergeKeysKeepTheirMeaning() {
    DesiredState valid =
        ConfigLoader.parse(
                "t.yaml",
                """
        version: 1
        apps:
          - bundleId: com.x
            groups:
              - &defaults { name: D, feedback: false, internal: false }
              - &open { name: O, feedback: true, <<: *defaults }
              - { name: A, <<: [*open, *defaults], internal: true }
        """)
            .state()
            .orElseThrow();
    GroupSpec open = valid.apps().get(0).groups().get(1);
    GroupSpec a = valid.apps().get(0).groups().get(2);
    assertThat(open.feedback()).isTrue();
    assertThat(open.internal()).isFalse();
    assertThat(a.name()).isEqualTo("A");
    assertThat(a.internal()).isTrue();
    assertThat(a.feedback()).isTrue();
  }

  @Test
  void mergingWhatIsNotAMappingIsAPositionedError() {
    assertThat(ConfigLoaderTest.errors("version: 1\napps:\n  - bundleId: com.x\n    <<: [1]\n"))
        .contains(
            "t.yaml:4:10: error: '<<' merges a mapping, or a list of mappings, into this one; this is a value");
  }

  @Test
  void whatMergesCopyCountsInTheBudget() {
    // 50 merges of a mapping of 25,000 keys copy 1,250,000 entries: SnakeYAML's limit of 50 aliases
    // lets that through
    StringBuilder yaml = new StringBuilder("version: 1\nbase: &base {");
    for (int i = 0; i < 25_000; i++) {
      yaml.append(i == 0 ? "" : ", ").append('k').append(i).append(": 1");
    }
    yaml.append("}\nmerged:\n");
    for (int i = 0; i < 50; i++) {
      yaml.append("  - <<: *base\n");
    }
    assertThat(ConfigLoaderTest.errors(yaml.append("apps: []\n").toString()))
        .singleElement()
        .asString()
        .startsWith(
            "t.yaml:2:7: error: aliases repeat more than 1,000,000 values in all (here, while repeating &base)");
  }

  @Test
  void longTextRepeatedByAliasesCountsByItsLength() {
    // 40 uses of one megabyte: few values, but more text than the budget takes
    StringBuilder yaml =
        new StringBuilder("version: 1\ntext: &t " + "x".repeat(1024 * 1024) + "\nmany:\n");
    for (int i = 0; i < 40; i++) {
      yaml.append("  - *t\n");
    }
    assertThat(ConfigLoaderTest.errors(yaml.append("apps: []\n").toString()))
        .singleElement()
        .asString()
        .startsWith(
            "t.yaml:2:7: error: aliases repeat more than 32 MiB of text in all (here, while repeating &t)");
  }
}
