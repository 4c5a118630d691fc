package dev.flightplan.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that talks to the sandbox (or any server) over HTTP, starts processes or reads Apple's
 * OpenAPI document: it runs in {@code verify} (failsafe), after the unit tests that {@code ./mvnw
 * test} runs in seconds. {@code ArchitectureTest} finds the test classes that need it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {
  String TAG = "integration";
}
