/**
 * An App Store Connect API emulator for the TestFlight endpoints flightplan uses, served over real HTTP by
 * {@link dev.flightplan.sandbox.SandboxServer}. Every response is shaped by Apple's OpenAPI document (4.4.1), and
 * the tests check them against it.
 *
 * <h2>Endpoints</h2>
 *
 * {@code GET /v1/apps}, {@code GET /v1/apps/{id}}, {@code GET /v1/apps/{id}/betaGroups},
 * {@code GET /v1/apps/{id}/relationships/betaGroups}, {@code DELETE /v1/apps/{id}/relationships/betaTesters};
 * {@code GET|POST /v1/betaGroups}, {@code GET|PATCH|DELETE /v1/betaGroups/{id}},
 * {@code GET|POST|DELETE /v1/betaGroups/{id}/relationships/betaTesters}, {@code GET /v1/betaGroups/{id}/betaTesters};
 * {@code GET|POST /v1/betaTesters}, {@code GET|DELETE /v1/betaTesters/{id}},
 * {@code GET /v1/betaTesters/{id}/relationships/betaGroups}. Query parameters are URL-decoded; several values go
 * comma-separated in one parameter (so a literal {@code +} in an email must be sent as {@code %2B}). A parameter
 * or value the spec declares but the sandbox does not implement (for example {@code include=builds} or
 * {@code limit[builds]}) is refused with a 400 rather than silently ignored; {@code filter[builds]} is accepted
 * and matches nothing, as the sandbox has no builds yet.
 *
 * <h2>Paging</h2>
 *
 * {@code limit} defaults to 20 and is at most 200; {@code limit[rel]} for included relationships defaults to 10 and is
 * at most 50. {@code links.next} repeats the request's path and query with an opaque {@code cursor}. An included
 * relationship's {@code data} holds at most {@code limit[rel]} linkages and its {@code meta.paging.total} the true
 * count. Lists are in creation order unless {@code sort} says otherwise.
 *
 * <h2>Error codes</h2>
 *
 * Every error is an {@code ErrorResponse} with one error holding {@code id}, {@code status} (a string),
 * {@code code}, {@code title}, {@code detail} and, where it helps, {@code source.pointer} or
 * {@code source.parameter}:
 *
 * <ul>
 *   <li>400 {@code PARAMETER_ERROR.ILLEGAL}: a query parameter the endpoint does not accept (source.parameter).
 *   <li>400 {@code PARAMETER_ERROR.INVALID}: a bad value: {@code limit} not a number or above the maximum, an
 *       unknown enum, sort key or field name, a bad cursor, a parameter given twice, or more than one of
 *       {@code filter[apps]}, {@code filter[betaGroups]}, {@code filter[builds]} on {@code GET /v1/betaTesters}
 *       ("Only one relationship filter can be applied.").
 *   <li>401 {@code NOT_AUTHORIZED}: missing or invalid bearer token (checked before anything else).
 *   <li>404 {@code NOT_FOUND}: unknown path, unknown id in the path, or an unknown tester id in a linkage body sent
 *       to a relationship endpoint.
 *   <li>405 {@code METHOD_NOT_ALLOWED}: a known path with a method it does not offer.
 *   <li>409 {@code ENTITY_ERROR.TYPE.INVALID}: {@code data.type} is not the endpoint's type (/data/type).
 *   <li>409 {@code ENTITY_ERROR.ID.INVALID}: a PATCH whose {@code data.id} is missing or differs from the URL's.
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.REQUIRED}: a required attribute is missing or null.
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.TYPE}: an attribute has the wrong JSON type (Apple's code for this).
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.INVALID}: a bad value: invalid email, blank or duplicate group name
 *       within the app, {@code hasAccessToAllBuilds} on an external group, public link settings on an internal
 *       group, {@code publicLinkLimit} outside 1..10000.
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.UNKNOWN}: an attribute the request does not accept, e.g. the create-only
 *       {@code isInternalGroup} or {@code hasAccessToAllBuilds} in a PATCH.
 *   <li>409 {@code ENTITY_ERROR.RELATIONSHIP.REQUIRED}: a group without {@code app}, a tester without groups or
 *       builds.
 *   <li>409 {@code ENTITY_ERROR.RELATIONSHIP.INVALID}: a linkage of the wrong type, an unknown related id in a
 *       create body, or a tester that is already a member of the group it is being added to (as Apple answers).
 *   <li>409 {@code ENTITY_ERROR.RELATIONSHIP.UNKNOWN}: a relationship the request does not accept.
 *   <li>422 {@code ENTITY_UNPROCESSABLE}: the body is not a JSON:API document; or a non-user would join an
 *       internal group (internal testers must be App Store Connect users of the team).
 *   <li>429 {@code RATE_LIMIT_EXCEEDED}: no requests left in the rolling hour.
 *   <li>500 {@code UNEXPECTED_ERROR}: a sandbox bug.
 * </ul>
 *
 * <h2>Seed format</h2>
 *
 * A JSON object; {@code src/main/resources/sandbox/demo-seed.json} is the example. Unknown keys are ignored.
 *
 * <pre>{@code
 * {"apps":   [{"id": "1000000001", "bundleId", "name", "sku", "primaryLocale"}],
 *  "users":  [{"email", "firstName", "lastName"}],                  // App Store Connect users of the team
 *  "groups": [{"app": "<bundleId or app id>", "name", "isInternalGroup", "hasAccessToAllBuilds",
 *              "feedbackEnabled", "publicLinkEnabled", "publicLinkLimitEnabled", "publicLinkLimit",
 *              "testers": ["<email>", ...], "id"?}],
 *  "testers":[{"email", "firstName", "lastName", "state", "inviteType"?, "id"?}]}
 * }</pre>
 *
 * Group and tester ids, when not given, are UUIDs derived from (app, name) and email, so a seed always yields the
 * same ids. A group member missing from {@code testers} is created from {@code users}.
 */
package dev.flightplan.sandbox;
