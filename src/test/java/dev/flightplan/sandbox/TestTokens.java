package dev.flightplan.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

/**
 * Mints App Store Connect JWTs for tests, from the sandbox's credentials. {@link #valid} is what a
 * correct client sends; the {@code with*} methods change one thing at a time to make a token the
 * sandbox must refuse.
 */
public record TestTokens(
    String keyId,
    String issuerId,
    String audience,
    Instant issuedAt,
    Instant expiresAt,
    String privateKeyPem,
    boolean hmac) {

  /** A correct token issued at {@code now} and valid for 15 minutes. */
  public static TestTokens valid(SandboxCredentials credentials, Instant now) {
    return new TestTokens(
        credentials.keyId(),
        credentials.issuerId(),
        "appstoreconnect-v1",
        now,
        now.plus(Duration.ofMinutes(15)),
        credentials.privateKeyPem(),
        false);
  }

  public TestTokens withKeyId(String newKeyId) {
    return new TestTokens(newKeyId, issuerId, audience, issuedAt, expiresAt, privateKeyPem, hmac);
  }

  public TestTokens withIssuer(String newIssuerId) {
    return new TestTokens(keyId, newIssuerId, audience, issuedAt, expiresAt, privateKeyPem, hmac);
  }

  public TestTokens withAudience(String newAudience) {
    return new TestTokens(keyId, issuerId, newAudience, issuedAt, expiresAt, privateKeyPem, hmac);
  }

  public TestTokens withTimes(Instant newIssuedAt, Instant newExpiresAt) {
    return new TestTokens(
        keyId, issuerId, audience, newIssuedAt, newExpiresAt, privateKeyPem, hmac);
  }

  /** Signed with HS256 (a shared secret) instead of ES256. */
  public TestTokens withHmac() {
    return new TestTokens(keyId, issuerId, audience, issuedAt, expiresAt, privateKeyPem, true);
  }

  public String compact() {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuerId);
    claims.setAudience(audience);
    if (issuedAt != null) {
      claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    }
    if (expiresAt != null) {
      claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
    }
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKeyIdHeaderValue(keyId);
    jws.setHeader("typ", "JWT");
    if (hmac) {
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
      jws.setKey(
          new HmacKey(
              "a shared secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)));
      jws.setDoKeyValidation(false);
    } else {
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
      jws.setKey(privateKey(privateKeyPem));
    }
    try {
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a test token", e);
    }
  }

  /** Reads a PKCS#8 PEM private key, as any client of the sandbox would. */
  public static PrivateKey privateKey(String pem) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (Exception e) {
      throw new IllegalStateException("not a PKCS#8 EC key", e);
    }
  }

  @Override
  public String toString() {
    return "TestTokens[keyId=" + keyId + ", issuer=" + issuerId + ", aud=" + audience + "]";
  }
}
