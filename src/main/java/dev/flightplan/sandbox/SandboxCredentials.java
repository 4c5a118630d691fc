package dev.flightplan.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The API key a {@link SandboxServer} accepts: key id, issuer id and the PKCS#8 PEM of the EC P-256
 * private key, plus the files it was persisted to (both null in memory mode). {@link #toString()}
 * never shows the key.
 */
public record SandboxCredentials(
    String keyId,
    String issuerId,
    String privateKeyPem,
    Path privateKeyFile,
    Path credentialsFile) {
  public SandboxCredentials {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(issuerId, "issuerId");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  @Override
  public String toString() {
    // The generated record toString would print the private key into any log that mentions the
    // credentials.
    return "SandboxCredentials[keyId="
        + keyId
        + ", issuerId="
        + issuerId
        + ", privateKeyPem=<redacted>, privateKeyFile="
        + privateKeyFile
        + ", credentialsFile="
        + credentialsFile
        + "]";
  }
}
