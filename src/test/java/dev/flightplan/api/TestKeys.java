package dev.flightplan.api;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** A P-256 key pair made once per test run, and its private key as a .p8 PEM. */
final class TestKeys {
  static final String KEY_ID = "2X9R4HXF34";
  static final String ISSUER_ID = "57246542-96fe-1a63-e053-0824d011072a";

  private static final KeyPair PAIR = generate("secp256r1");

  private TestKeys() {}

  static PublicKey publicKey() {
    return PAIR.getPublic();
  }

  static String pem() {
    return pem(PAIR);
  }

  static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** The base64 body of the PEM without line breaks: what must never show up in any output. */
  static String secret() {
    return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
  }

  static Credentials credentials() {
    return new Credentials(KEY_ID, ISSUER_ID, pem());
  }

  static KeyPair generate(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
