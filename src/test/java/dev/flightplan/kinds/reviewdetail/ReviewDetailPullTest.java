package dev.flightplan.kinds.reviewdetail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The variable a pulled file's commented-out demo account password names: one per app when several
 * are pulled.
 */
class ReviewDetailPullTest {
  @Test
  void namesOfEachAppsPasswordVariable() {
    assertThat(ReviewDetailPull.passwordEnv("com.example.weather", 1))
        .isEqualTo("DEMO_ACCOUNT_PASSWORD");
    assertThat(ReviewDetailPull.passwordEnv("com.example-co.weather", 3))
        .isEqualTo("DEMO_ACCOUNT_PASSWORD_COM_EXAMPLE_CO_WEATHER");
  }
}
