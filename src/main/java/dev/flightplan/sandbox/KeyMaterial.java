package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The sandbox's API key: key id, issuer id and an EC P-256 key pair. The private key is written
 * exactly in the layout of the {@code AuthKey_<KEYID>.p8} files Apple hands out (PKCS#8 holding the
 * curve and the public point), which lets the sandbox recover the public key from the file alone
 * and lets clients treat it like a real key.
 */
record KeyMaterial(
    String keyId,
    String issuerId,
    ECPrivateKey privateKey,
    ECPublicKey publicKey,
    Path privateKeyFile,
    Path credentialsFile) {
  static final String CREDENTIALS_FILE = "sandbox-credentials.json";

  private static final byte[] PREFIX =
      hex("308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420");
  private static final byte[] MIDDLE = hex("a00a06082a8648ce3d030107a144034200" + "04");
  private static final int LENGTH = PREFIX.length + 32 + MIDDLE.length + 64;

  /** A fresh key, not written anywhere (memory mode). */
  static KeyMaterial generate(Ids ids) throws IOException {
    KeyPair pair = newPair();
    return new KeyMaterial(
        ids.keyId(),
        UUID.randomUUID().toString(),
        (ECPrivateKey) pair.getPrivate(),
        (ECPublicKey) pair.getPublic(),
        null,
        null);
  }

  /** The key persisted in {@code dir}, created there on first use. */
  static KeyMaterial loadOrCreate(Path dir, Ids ids, ObjectMapper mapper) throws IOException {
    Path credentials = dir.resolve(CREDENTIALS_FILE);
    if (Files.exists(credentials)) {
      JsonNode json = mapper.readTree(credentials.toFile());
      String keyId = json.path("keyId").asText();
      Path keyFile = Path.of(json.path("privateKeyPath").asText());
      if (!Files.exists(keyFile)) {
        keyFile = dir.resolve("AuthKey_" + keyId + ".p8");
      }
      byte[] der = fromPem(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile);
      return fromDer(
          keyId,
          json.path("issuerId").asText(),
          der,
          keyFile.toAbsolutePath(),
          credentials.toAbsolutePath());
    }
    KeyMaterial fresh = generate(ids);
    Path keyFile = dir.resolve("AuthKey_" + fresh.keyId() + ".p8").toAbsolutePath();
    writePrivate(keyFile, fresh.privateKeyPem());
    var json =
        mapper
            .createObjectNode()
            .put("keyId", fresh.keyId())
            .put("issuerId", fresh.issuerId())
            .put("privateKeyPath", keyFile.toString());
    Files.writeString(
        credentials, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    return new KeyMaterial(
        fresh.keyId(),
        fresh.issuerId(),
        fresh.privateKey(),
        fresh.publicKey(),
        keyFile,
        credentials.toAbsolutePath());
  }

  SandboxCredentials credentials() {
    return new SandboxCredentials(
        keyId, issuerId, privateKeyPem(), privateKeyFile, credentialsFile);
  }

  String privateKeyPem() {
    byte[] der = new byte[LENGTH];
    System.arraycopy(PREFIX, 0, der, 0, PREFIX.length);
    System.arraycopy(unsigned32(privateKey.getS()), 0, der, PREFIX.length, 32);
    System.arraycopy(MIDDLE, 0, der, PREFIX.length + 32, MIDDLE.length);
    int point = PREFIX.length + 32 + MIDDLE.length;
    System.arraycopy(unsigned32(publicKey.getW().getAffineX()), 0, der, point, 32);
    System.arraycopy(unsigned32(publicKey.getW().getAffineY()), 0, der, point + 32, 32);
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  private static KeyMaterial fromDer(
      String keyId, String issuerId, byte[] der, Path keyFile, Path credentials)
      throws IOException {
    int point = PREFIX.length + 32 + MIDDLE.length;
    if (der.length != LENGTH
        || !Arrays.equals(der, 0, PREFIX.length, PREFIX, 0, PREFIX.length)
        || !Arrays.equals(der, PREFIX.length + 32, point, MIDDLE, 0, MIDDLE.length)) {
      throw new IOException(keyFile + " is not a P-256 key in the layout the sandbox writes");
    }
    try {
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPrivateKey privateKey =
          (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
      ECPoint w =
          new ECPoint(
              new BigInteger(1, Arrays.copyOfRange(der, point, point + 32)),
              new BigInteger(1, Arrays.copyOfRange(der, point + 32, point + 64)));
      ECPublicKey publicKey =
          (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(w, privateKey.getParams()));
      requirePair(privateKey, publicKey, keyFile);
      return new KeyMaterial(keyId, issuerId, privateKey, publicKey, keyFile, credentials);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the key in " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static void requirePair(ECPrivateKey privateKey, ECPublicKey publicKey, Path keyFile)
      throws GeneralSecurityException, IOException {
    byte[] probe = "flightplan sandbox key check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(privateKey);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(probe);
    if (!verifier.verify(signature)) {
      throw new IOException(
          keyFile + " holds a public point that does not belong to its private key");
    }
  }

  private static KeyPair newPair() throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot generate an EC P-256 key: " + e.getMessage(), e);
    }
  }

  private static void writePrivate(Path file, String pem) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system: its own defaults apply
    } catch (FileAlreadyExistsException e) {
      // a key file without credentials beside it: overwritten below with the new key
    }
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
  }

  private static byte[] fromPem(String pem, Path file) throws IOException {
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a PEM private key", e);
    }
  }

  private static byte[] unsigned32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static byte[] hex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "KeyMaterial[keyId=" + keyId + ", issuerId=" + issuerId + "]";
  }
}
