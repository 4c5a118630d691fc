package dev.flightplan.api;

import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

/**
 * Mints and caches the App Store Connect bearer token: ES256 (JOSE R||S signature, which jose4j
 * produces), {@code kid} = key ID, {@code iss} = issuer ID, {@code aud} = {@code
 * appstoreconnect-v1}, 15 minutes of life (Apple refuses more than 20), re-minted 2 minutes before
 * expiry. Thread-safe; the token never leaves the client.
 */
final class TokenSource {
  static final String AUDIENCE = "appstoreconnect-v1";
  static final Duration LIFETIME = Duration.ofMinutes(15);
  static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

  /**
   * {@code iat} is set this far back so that a server clock slightly behind ours does not see a
   * future token.
   */
  static final Duration SKEW = Duration.ofSeconds(5);

  private final String keyId;
  private final String issuerId;
  private final ECPrivateKey key;
  private final Clock clock;

  private Token token;
  private Instant renewAt = Instant.MIN;
  private long minted;

  TokenSource(Credentials credentials, Clock clock) {
    this.keyId = credentials.keyId();
    this.issuerId = credentials.issuerId();
    this.key = credentials.privateKey();
    this.clock = clock;
  }

  /** A minted token and the moment it expires ({@code exp}). */
  record Token(String value, Instant expiresAt) {
    /**
     * True when the token has expired by {@code now}: a 401 for it then says nothing about the
     * credentials.
     */
    boolean expiredBy(Instant now) {
      return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
      return "Token[expires " + expiresAt + "]"; // never the token itself
    }
  }

  /**
   * The cached token, minted anew when there is none or it is within {@link #RENEW_BEFORE} of
   * expiry.
   */
  synchronized Token token() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(renewAt)) {
      mint(now);
    }
    return token;
  }

  /** Forgets {@code used} (a 401 came back for it) unless another thread already replaced it. */
  synchronized void invalidate(Token used) {
    if (used.equals(token)) {
      token = null;
    }
  }

  /** How many tokens were minted: tests check caching with it. */
  synchronized long minted() {
    return minted;
  }

  private void mint(Instant now) {
    long nowSeconds = now.getEpochSecond();
    long exp = nowSeconds + LIFETIME.toSeconds();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuerId);
    claims.setIssuedAt(NumericDate.fromSeconds(nowSeconds - SKEW.toSeconds()));
    claims.setExpirationTime(NumericDate.fromSeconds(exp));
    claims.setAudience(AUDIENCE);

    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setKeyIdHeaderValue(keyId);
    jws.setHeader(HeaderParameterNames.TYPE, "JWT");
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    try {
      token = new Token(jws.getCompactSerialization(), Instant.ofEpochSecond(exp));
    } catch (JoseException e) {
      // the message names the algorithm or key type, never key material; the cause is dropped to be
      // sure
      throw new IllegalStateException(
          "could not sign the App Store Connect token: " + e.getMessage());
    }
    renewAt = Instant.ofEpochSecond(exp).minus(RENEW_BEFORE);
    minted++;
  }
}
