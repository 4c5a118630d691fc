package dev.flightplan.sandbox;

import java.security.PublicKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Checks bearer tokens the way App Store Connect does: ES256 only, signed by the sandbox key,
 * header {@code kid} equal to the key id, {@code iss} the issuer id, {@code aud} {@code
 * appstoreconnect-v1}, and {@code exp} present, not expired and at most 20 minutes ahead. {@code
 * iat} is optional, as Apple accepts tokens without it (clients generated from the OpenAPI document
 * sign none); when present it must not lie in the future. A minute of clock skew is allowed either
 * way, as clocks of real CI machines drift: with {@code now} the sandbox's clock, a token is
 * accepted when {@code now - 60 s < exp < now + 20 min + 60 s} and, if it has one, {@code iat <=
 * now + 60 s}.
 *
 * <p>A client sends the same token for many minutes: a token whose signature and claims were
 * verified once is remembered (the last {@link #REMEMBERED}), and seen again only its times are
 * checked against the clock. Checking an ES256 signature costs about as much CPU as the rest of a
 * request, which matters with thousands of requests on a machine that runs the client too.
 */
final class TokenVerifier {
  static final String AUDIENCE = "appstoreconnect-v1";
  static final long MAX_LIFETIME_SECONDS = 20 * 60;
  static final int SKEW_SECONDS = 60;

  private final String keyId;
  private final String issuerId;
  private final PublicKey publicKey;
  private final Clock clock;
  private final Map<String, Times> verified =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Times> eldest) {
          return size() > REMEMBERED;
        }
      };

  static final int REMEMBERED = 16;

  /**
   * The times of a verified token, in seconds since the epoch; {@code issuedAt} null when the token
   * has none.
   */
  private record Times(Long issuedAt, long expiresAt) {}

  TokenVerifier(String keyId, String issuerId, PublicKey publicKey, Clock clock) {
    this.keyId = keyId;
    this.issuerId = issuerId;
    this.publicKey = publicKey;
    this.clock = clock;
  }

  /** Accepts the value of an {@code Authorization} header or throws the 401. */
  void verify(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.notAuthorized();
    }
    String token = authorization.substring(7).trim();
    NumericDate now = NumericDate.fromMilliseconds(clock.millis());
    Times known;
    synchronized (verified) {
      known = verified.get(token);
    }
    if (known != null) {
      checkTimes(known, now.getValue());
      return;
    }
    // Built per request because the evaluation time comes from the injected clock.
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
            .setVerificationKey(publicKey)
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds(SKEW_SECONDS)
            .setExpectedIssuer(issuerId)
            .setExpectedAudience(AUDIENCE)
            .setEvaluationTime(now)
            .build();
    try {
      JwtContext context = consumer.process(token);
      if (!keyId.equals(context.getJoseObjects().get(0).getKeyIdHeaderValue())) {
        throw ApiException.notAuthorized();
      }
      JwtClaims claims = context.getJwtClaims();
      NumericDate issuedAt = claims.getIssuedAt();
      Times times =
          new Times(
              issuedAt == null ? null : issuedAt.getValue(), claims.getExpirationTime().getValue());
      checkTimes(times, now.getValue());
      synchronized (verified) {
        verified.put(token, times);
      }
    } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.notAuthorized();
    }
  }

  /**
   * Expired (as jose4j has it: at or after exp, with the skew), too long-lived, or issued in the
   * future.
   */
  private static void checkTimes(Times t, long nowSeconds) {
    if (nowSeconds >= t.expiresAt() + SKEW_SECONDS
        || t.expiresAt() >= nowSeconds + MAX_LIFETIME_SECONDS + SKEW_SECONDS
        || t.issuedAt() != null && t.issuedAt() > nowSeconds + SKEW_SECONDS) {
      throw ApiException.notAuthorized();
    }
  }
}
