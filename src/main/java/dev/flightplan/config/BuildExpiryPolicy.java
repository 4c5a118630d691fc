package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;

/**
 * The app's {@code buildExpiry} policy: builds uploaded more than {@code olderThanDays} ago are
 * expired (one-way), except the latest {@code keepLatest} unexpired builds of each version and
 * platform and every build the file gives a group or tester or names under {@code builds}. Planned
 * by {@code kinds.expiry}.
 */
public record BuildExpiryPolicy(int olderThanDays, int keepLatest, SourcePos pos) {
  public static final int DEFAULT_KEEP_LATEST = 3;

  public BuildExpiryPolicy {
    if (olderThanDays < 1) {
      throw new IllegalArgumentException("olderThanDays must be at least 1: " + olderThanDays);
    }
    if (keepLatest < 0) {
      throw new IllegalArgumentException("keepLatest must not be negative: " + keepLatest);
    }
  }
}
