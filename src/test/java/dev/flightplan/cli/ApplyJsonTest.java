package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flightplan.render.EmailMask;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --format json}: standard output holds one JSON report, valid against
 * schema/apply-report.schema.json, saying what was done, what failed (with App Store Connect's
 * answer) and was not sent, and the verification; what is said for people goes to standard error;
 * exit codes are those of the text view. No secret in it; no address with --mask-emails.
 */
@IntegrationTest
class ApplyJsonTest extends SandboxTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V202012,
              b ->
                  b.schemaMappers(
                      m -> m.mapPrefix("https://flightplan.dev/schema/", "classpath:schema/")))
          .getSchema(java.net.URI.create("https://flightplan.dev/schema/apply-report.schema.json"));

  @TempDir Path tmp;
  private Path file;
  private String password;

  @BeforeEach
  void files() throws IOException {
    file = example(tmp);
    password = Files.readString(tmp.resolve("demo-password.txt")).strip();
  }

  @Test
  void aSuccessfulApplyThenOneWithNoChanges() {
    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--format", "json");
    assertThat(apply.exit()).as(apply.err()).isZero();
    JsonNode report = report(apply);
    assertThat(report.path("outcome").asText()).isEqualTo("applied");
    assertThat(report.path("exit_code").asInt()).isZero();
    assertThat(report.path("plan_file").isNull()).isTrue();
    assertThat(report.path("apps").toString()).isEqualTo("[\"com.example.weather\"]");
    int planned = report.path("requests").path("planned").asInt();
    assertThat(planned).isPositive();
    assertThat(report.path("requests").path("sent").asInt()).isEqualTo(planned);
    assertThat(addresses(report.path("done")))
        .hasSize(15)
        .contains("com.example.weather/tester[\"bob@example.com\"]");
    assertThat(report.path("failed").size()).isZero();
    assertThat(report.path("not_sent").size()).isZero();
    assertThat(report.path("verification").path("verified").asBoolean()).isTrue();
    assertThat(report.path("verification").path("remaining").size()).isZero();
    // people's output went to standard error: the plan, the progress, the report
    assertThat(apply.err())
        .contains("flightplan will perform the following actions:")
        .contains("Apply complete!")
        .contains("Verified: App Store Connect now matches the file.");
    assertNoSecret(apply);

    CliRunner.Result again =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--format", "json");
    assertThat(again.exit()).as(again.err()).isZero();
    JsonNode none = report(again);
    assertThat(none.path("outcome").asText()).isEqualTo("no_changes");
    assertThat(none.path("requests").toString())
        .isEqualTo("{\"planned\":0,\"sent\":0,\"failed\":0,\"not_sent\":0}");
    assertThat(none.path("done").size() + none.path("failed").size() + none.path("not_sent").size())
        .isZero();
    assertThat(none.path("verification").isNull()).isTrue();
    assertThat(again.err()).contains("No changes.");
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void aPartiallyFailedApplySaysWhatFailedWithTheAnswerAndWhatWasNotSent() throws IOException {
    Path saved = tmp.resolve("plan.json");
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "-o", saved.toString()).exit())
        .isZero();
    sandbox.failNext("PATCH /v1/betaLicenseAgreements/{id}", "403");
    CliRunner.Result apply =
        cli().run(sandbox, "apply", saved.toString(), "--format", "json", "--parallelism", "1");
    assertThat(apply.exit()).isEqualTo(ExitCodes.ERROR);
    JsonNode report = report(apply);
    assertThat(report.path("outcome").asText()).isEqualTo("failed");
    assertThat(report.path("exit_code").asInt()).isEqualTo(1);
    assertThat(report.path("plan_file").asText()).isEqualTo(saved.toString());
    JsonNode failed = report.path("failed");
    assertThat(addresses(failed))
        .as(failed.toString())
        .containsExactly("com.example.weather/licenseAgreement[\"com.example.weather\"]");
    assertThat(failed.path(0).path("actions").toString()).isEqualTo("[\"update\"]");
    JsonNode error = failed.path(0).path("error");
    assertThat(error.path("request").asText()).startsWith("PATCH /v1/betaLicenseAgreements/");
    assertThat(error.path("purpose").asText())
        .isEqualTo("update licenseAgreement \"com.example.weather\"");
    assertThat(error.path("status").asInt()).isEqualTo(403);
    assertThat(error.path("code").asText()).isEqualTo("FORBIDDEN_ERROR");
    assertThat(error.path("detail").asText())
        .isEqualTo("The API key in use does not allow this request");
    assertThat(error.path("message").asText()).contains("403 FORBIDDEN_ERROR");
    assertThat(addresses(report.path("done")))
        .contains("com.example.weather/tester[\"bob@example.com\"]");
    assertThat(addresses(report.path("not_sent")))
        .contains(
            "com.example.weather/build[\"2.3 (45)\"]",
            "com.example.weather/invitation[\"bob@example.com\"]");
    assertThat(report.path("done").size() + failed.size() + report.path("not_sent").size())
        .isEqualTo(15);
    assertThat(report.path("requests").path("failed").asInt()).isEqualTo(1);
    assertThat(
            report.path("requests").path("sent").asInt()
                + report.path("requests").path("not_sent").asInt())
        .isEqualTo(report.path("requests").path("planned").asInt());
    assertThat(report.path("verification").isNull()).isTrue();
    assertThat(apply.err()).contains("Apply failed at request").contains("Not done (");
    assertNoSecret(apply);

    CliRunner.Result rerun =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--format", "json");
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(report(rerun).path("outcome").asText()).isEqualTo("applied");
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void masksEmailsWhenAskedAndReportsAnInvalidFile() throws IOException {
    CliRunner.Result apply =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--auto-approve",
                "--format",
                "json",
                "--mask-emails");
    assertThat(apply.exit()).as(apply.err()).isZero();
    JsonNode report = report(apply);
    assertThat(addresses(report.path("done")))
        .contains("com.example.weather/tester[\"b***@example.com\"]");
    assertThat(EmailMask.containsEmail(apply.out())).as(apply.out()).isFalse();
    assertThat(EmailMask.containsEmail(apply.err())).as(apply.err()).isFalse();
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isZero();

    Files.writeString(file, Files.readString(file).replace("version: 1", "version: 7"));
    CliRunner.Result invalid =
        cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--format", "json");
    assertThat(invalid.exit()).isEqualTo(ExitCodes.ERROR);
    JsonNode bad = report(invalid);
    assertThat(bad.path("outcome").asText()).isEqualTo("invalid");
    assertThat(bad.path("config").isNull()).isTrue();
    assertThat(bad.path("diagnostics").path(0).path("severity").asText()).isEqualTo("error");
  }

  /** The whole of standard output, parsed and checked against the schema. */
  static JsonNode report(CliRunner.Result r) {
    try {
      JsonNode doc = MAPPER.readTree(r.out());
      List<String> problems =
          SCHEMA.validate(doc).stream().map(ValidationMessage::getMessage).toList();
      assertThat(problems)
          .as("violations of schema/apply-report.schema.json in\n%s", r.out())
          .isEmpty();
      assertThat(r.out()).endsWith("}\n");
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException("standard output is not one JSON document:\n" + r.out(), e);
    }
  }

  private static List<String> addresses(JsonNode objects) {
    List<String> out = new ArrayList<>();
    objects.forEach(o -> out.add(o.path("address").asText()));
    return out;
  }

  private void assertNoSecret(CliRunner.Result r) {
    assertThat(r.out()).doesNotContain(password);
    assertThat(r.err()).doesNotContain(password);
  }
}
