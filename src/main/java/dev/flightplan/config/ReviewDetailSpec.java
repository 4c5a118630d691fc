package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;

/**
 * What Apple's beta reviewers need to know about the app (one per app, it always exists and is only
 * updated). Null fields are not managed. The demo account password is only ever a reference.
 */
public record ReviewDetailSpec(
    String contactEmail,
    String contactFirstName,
    String contactLastName,
    String contactPhone,
    Boolean demoAccountRequired,
    String demoAccountName,
    SecretRef demoAccountPassword,
    String notes,
    SourcePos pos) {}
