package dev.flightplan.api;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.keys.EllipticCurves;

/**
 * Reads the App Store Connect {@code .p8} key: a PKCS#8 P-256 EC private key, as PEM text, bare
 * base64 (of the DER or of the whole PEM, as CI secrets often hold it) or DER bytes. Failures say
 * what the input looks like instead, never what it contains; causes are dropped because provider
 * messages can echo input bytes.
 */
final class PrivateKeys {
  static final String NOT_P8 = "is not a PKCS#8 EC private key (.p8)";

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final BigInteger P256_ORDER = EllipticCurves.P256.getOrder();

  private PrivateKeys() {}

  /**
   * Parses text; throws IllegalArgumentException whose message is a reason to append to "... is not
   * a .p8".
   */
  static ECPrivateKey parse(String text) {
    return parse(text, true);
  }

  /** Parses the bytes of a key file: DER when it starts like one, text otherwise. */
  static ECPrivateKey parse(byte[] file) {
    if (file.length > 0 && file[0] == 0x30) {
      return fromDer(file);
    }
    return parse(new String(file, StandardCharsets.UTF_8), true);
  }

  /** The canonical PEM text of a parsed key. */
  static String toPem(ECPrivateKey key) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  private static ECPrivateKey parse(String text, boolean mayUnwrap) {
    // a PEM pasted into a one-line CI variable often arrives with literal "\n" sequences
    String t = text.replace("\\n", "\n").replace("\r", "").strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    Matcher m = PEM.matcher(t);
    if (m.find()) {
      String label = m.group(1);
      switch (label) {
        case "PRIVATE KEY":
          return fromDer(base64(m.group(2)));
        case "EC PRIVATE KEY":
          throw new IllegalArgumentException(
              "it is a SEC1 \"EC PRIVATE KEY\"; convert it with"
                  + " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out AuthKey.p8`");
        case "ENCRYPTED PRIVATE KEY":
          throw new IllegalArgumentException(
              "it is encrypted; the .p8 downloaded from App Store Connect is not");
        default:
          throw new IllegalArgumentException("it holds a \"" + label + "\", not a \"PRIVATE KEY\"");
      }
    }
    if (t.contains("-----BEGIN")) {
      throw new IllegalArgumentException(
          "its PEM armour is incomplete (no matching -----END line)");
    }
    byte[] decoded = base64(t);
    if (mayUnwrap && decoded.length > 0 && decoded[0] == '-') {
      return parse(new String(decoded, StandardCharsets.UTF_8), false);
    }
    return fromDer(decoded);
  }

  private static byte[] base64(String s) {
    try {
      return Base64.getMimeDecoder().decode(s.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("it is not valid base64");
    }
  }

  private static ECPrivateKey fromDer(byte[] der) {
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("its contents are not an EC private key");
    }
    if (!(key instanceof ECPrivateKey ec)) {
      throw new IllegalArgumentException("its contents are not an EC private key");
    }
    if (!P256_ORDER.equals(ec.getParams().getOrder())) {
      throw new IllegalArgumentException("it is an EC key on another curve than P-256");
    }
    return ec;
  }
}
