package dev.flightplan.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionTreeTest {
  @Test
  void aNameAddedAfterALookupIsFoundInALargeMapping() {
    PositionTree tree = PositionTree.mapping();
    for (int i = 0; i < 12; i++) {
      tree.add("k" + i, PositionTree.pack(i + 1, 1), PositionTree.pack(i + 1, 5), null);
    }
    assertThat(tree.find("k11")).isEqualTo(11);
    tree.add("late", PositionTree.pack(13, 1), PositionTree.pack(13, 7), null);
    assertThat(tree.find("late")).isEqualTo(12);
    assertThat(PositionTree.line(tree.value(tree.find("late")))).isEqualTo(13);
  }

  @Test
  void aRepeatedNameFindsItsFirstEntryWithOrWithoutTheIndex() {
    for (int entries : new int[] {3, 12}) {
      PositionTree tree = PositionTree.mapping();
      tree.add("dup", PositionTree.pack(1, 1), PositionTree.pack(1, 6), null);
      for (int i = 1; i < entries; i++) {
        tree.add("k" + i, PositionTree.pack(i + 1, 1), PositionTree.pack(i + 1, 5), null);
      }
      tree.add("dup", PositionTree.pack(99, 1), PositionTree.pack(99, 6), null);
      assertThat(tree.find("dup")).as("%d entries", entries).isZero();
    }
  }
}
