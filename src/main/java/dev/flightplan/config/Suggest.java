package dev.flightplan.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions: the candidate closest to a misspelt word, when one is close enough to
 * help.
 */
final class Suggest {
  private static final int MAX_DISTANCE = 2;
  private static final int MIN_PREFIX = 3;

  private Suggest() {}

  /**
   * The candidate nearest to {@code input}, ignoring case: within an edit distance of 2 (and less
   * than the input's length, so "ab" does not suggest "QA"), or sharing a prefix of at least three
   * letters with it. Ties go to the first candidate, so callers pass candidates in a meaningful
   * order.
   */
  static Optional<String> closest(String input, Collection<String> candidates) {
    String word = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int score = score(word, candidate.toLowerCase(Locale.ROOT));
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int score(String word, String candidate) {
    int distance = distance(word, candidate);
    if (distance <= MAX_DISTANCE && distance < word.length()) {
      return distance;
    }
    boolean prefix =
        Math.min(word.length(), candidate.length()) >= MIN_PREFIX
            && (candidate.startsWith(word) || word.startsWith(candidate));
    return prefix ? MAX_DISTANCE + 1 : Integer.MAX_VALUE;
  }

  /**
   * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
   * cost 1.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
