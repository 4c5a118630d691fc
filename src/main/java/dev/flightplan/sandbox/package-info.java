/**
 * An App Store Connect API emulator for every TestFlight operation of Apple's OpenAPI document
 * (4.4.1), served over real HTTP by {@link dev.flightplan.sandbox.SandboxServer}. Every response is
 * shaped by that document, and the tests check them against it ({@code
 * EveryTestFlightOperationTest} calls each operation).
 *
 * <h2>Endpoints</h2>
 *
 * <ul>
 *   <li>Apps: {@code GET /v1/apps}, {@code GET /v1/apps/{id}}, {@code GET
 *       /v1/apps/{id}/betaGroups}, {@code GET /v1/apps/{id}/relationships/betaGroups}, {@code
 *       DELETE /v1/apps/{id}/relationships/betaTesters}.
 *   <li>Groups: {@code GET|POST /v1/betaGroups}, {@code GET|PATCH|DELETE /v1/betaGroups/{id}},
 *       {@code GET|POST|DELETE /v1/betaGroups/{id}/relationships/betaTesters}, {@code GET
 *       /v1/betaGroups/{id}/betaTesters}.
 *   <li>Testers: {@code GET|POST /v1/betaTesters}, {@code GET|DELETE /v1/betaTesters/{id}}, {@code
 *       GET /v1/betaTesters/{id}/relationships/betaGroups}, {@code GET
 *       /v1/betaTesters/{id}/relationships/builds}.
 *   <li>Users of the team (read only; the seed's {@code users}): {@code GET /v1/users}, with {@code
 *       filter[username]} (the Apple ID, ignoring case), {@code filter[roles]}, {@code sort} and
 *       {@code fields[users]}; {@code filter[visibleApps]} and {@code include=visibleApps} are not
 *       implemented.
 *   <li>Builds: {@code GET /v1/builds}, {@code GET|PATCH /v1/builds/{id}}; {@code GET
 *       /v1/preReleaseVersions}, {@code GET /v1/preReleaseVersions/{id}}, {@code GET
 *       /v1/apps/{id}/preReleaseVersions}.
 *   <li>Who gets a build: {@code GET|POST|DELETE /v1/betaGroups/{id}/relationships/builds}, {@code
 *       GET /v1/betaGroups/{id}/builds}, {@code POST|DELETE
 *       /v1/builds/{id}/relationships/betaGroups}, {@code GET|POST|DELETE
 *       /v1/builds/{id}/relationships/individualTesters}, {@code GET
 *       /v1/builds/{id}/individualTesters}.
 *   <li>Public link criteria: {@code GET /v1/betaGroups/{id}/betaRecruitmentCriteria} (and its
 *       {@code relationships/} form), {@code POST /v1/betaRecruitmentCriteria}, {@code PATCH|DELETE
 *       /v1/betaRecruitmentCriteria/{id}}, {@code GET /v1/betaRecruitmentCriterionOptions}, {@code
 *       GET /v1/betaGroups/{id}/betaRecruitmentCriterionCompatibleBuildCheck} (and its {@code
 *       relationships/} form).
 *   <li>App Clips: {@code GET /v1/buildBundles/{id}/betaAppClipInvocations} (and its {@code
 *       relationships/} form), {@code POST /v1/betaAppClipInvocations}, {@code GET|PATCH|DELETE
 *       /v1/betaAppClipInvocations/{id}}, {@code POST /v1/betaAppClipInvocationLocalizations},
 *       {@code PATCH|DELETE /v1/betaAppClipInvocationLocalizations/{id}}. Build bundles are read
 *       with {@code include=buildBundles} on builds.
 *   <li>App test information: {@code GET|POST /v1/betaAppLocalizations}, {@code GET|PATCH|DELETE
 *       /v1/betaAppLocalizations/{id}}, {@code GET /v1/apps/{id}/betaAppLocalizations}; {@code GET
 *       /v1/betaLicenseAgreements}, {@code GET|PATCH /v1/betaLicenseAgreements/{id}}, {@code GET
 *       /v1/apps/{id}/betaLicenseAgreement}; {@code GET /v1/betaAppReviewDetails} ({@code
 *       filter[app]} required), {@code GET|PATCH /v1/betaAppReviewDetails/{id}}, {@code GET
 *       /v1/apps/{id}/betaAppReviewDetail}.
 *   <li>Build test information: {@code GET|POST /v1/betaBuildLocalizations}, {@code
 *       GET|PATCH|DELETE /v1/betaBuildLocalizations/{id}}, {@code GET
 *       /v1/builds/{id}/betaBuildLocalizations}; {@code GET /v1/buildBetaDetails}, {@code GET|PATCH
 *       /v1/buildBetaDetails/{id}}, {@code GET /v1/builds/{id}/buildBetaDetail}.
 *   <li>Tester-side links: {@code POST|DELETE /v1/betaTesters/{id}/relationships/betaGroups} and
 *       {@code .../relationships/builds}, {@code DELETE /v1/betaTesters/{id}/relationships/apps}
 *       (the tester leaves the app's groups and builds, as from the app's side).
 *   <li>Every other relationship read Apple's document offers on these resources: {@code GET
 *       /v1/<type>/{id}/relationships/<name>} and {@code GET /v1/<type>/{id}/<name>} (an app's
 *       builds, pre-release versions, localizations, license agreement and review detail; a
 *       group's, localization's, license agreement's, review detail's and pre-release version's
 *       app; a tester's apps, groups and builds; a build's app, pre-release version, review
 *       submission, localizations and beta detail; ...).
 *   <li>Beta usage metrics: {@code GET /v1/apps/{id}/metrics/betaTesterUsages}, {@code GET
 *       /v1/betaGroups/{id}/metrics/betaTesterUsages}, {@code GET
 *       /v1/betaTesters/{id}/metrics/betaTesterUsages}, {@code GET
 *       /v1/betaGroups/{id}/metrics/publicLinkUsages}, {@code GET
 *       /v1/builds/{id}/metrics/betaBuildUsages} (see the seed format).
 *   <li>Actions and review: {@code POST /v1/buildBetaNotifications}, {@code POST
 *       /v1/betaTesterInvitations}; {@code GET /v1/betaAppReviewSubmissions} ({@code filter[build]}
 *       required), {@code GET /v1/betaAppReviewSubmissions/{id}}, {@code GET
 *       /v1/builds/{id}/betaAppReviewSubmission}, {@code POST /v1/betaAppReviewSubmissions}.
 * </ul>
 *
 * Query parameters are URL-decoded; several values go comma-separated in one parameter (so a
 * literal {@code +} in an email must be sent as {@code %2B}). A parameter or value the spec
 * declares but the sandbox does not implement (for example {@code include=icons}, {@code
 * filter[appStoreVersion]} or {@code exists[...]} on builds) is refused with a 400 rather than
 * silently ignored. Requests are checked as strictly as the spec shapes them: a create whose schema
 * has no attributes refuses even an empty {@code attributes} member.
 *
 * <h2>What the sandbox decides, and how to read it cheaply</h2>
 *
 * <ul>
 *   <li>Builds come from the seed only (the API cannot upload). {@code expired} is a flag of the
 *       build (set by the seed or by {@code PATCH expired=true}); the clock does not expire builds.
 *       {@code expirationDate} is the upload plus 90 days.
 *   <li>One call reads a build with everything the plan needs: {@code GET /v1/builds?filter[app]=…
 *       &filter[preReleaseVersion.version]=…&filter[version]=…&include=buildBetaDetail,betaAppReviewSubmission,
 *       betaBuildLocalizations,buildBundles,betaGroups,individualTesters}; the App Clip bundle is
 *       the included {@code buildBundles} resource with {@code bundleType=APP_CLIP}, and its
 *       invocations come with {@code GET
 *       /v1/buildBundles/{id}/betaAppClipInvocations?include=betaAppClipInvocationLocalizations}. A
 *       group's criteria come with {@code GET
 *       /v1/betaGroups?filter[app]=…&include=betaRecruitmentCriteria}.
 *   <li>Truncation: an included to-many relationship holds at most {@code limit[rel]} linkages
 *       (default 10) and always carries {@code meta.paging.total}; when total exceeds the linkages
 *       shown, page the relationship's own endpoint instead. An included to-one relationship with
 *       no related resource has no {@code data} member at all (the schemas allow no null linkage);
 *       a to-one related endpoint with nothing to show answers 404 {@code NOT_FOUND} (e.g. a
 *       group's criteria, a build's review submission).
 *   <li>A group with {@code hasAccessToAllBuilds} lists no builds of its own (its {@code builds}
 *       relationship and {@code filter[builds]} ignore it): it gets every build without assignment.
 *       A tester's {@code builds} and {@code filter[builds]} on testers mean builds given to the
 *       tester individually.
 *   <li>Beta details share their build's id; the license agreement and review detail of an app
 *       share the app's id (our assumption; Apple's look alike). {@code internalBuildState} and
 *       {@code externalBuildState} are derived: processing, then expiry, then missing export
 *       compliance, then audience ({@code NOT_APPLICABLE} for internal-only builds) and review
 *       ({@code READY_FOR_BETA_SUBMISSION}, {@code WAITING_FOR_BETA_REVIEW}, {@code
 *       IN_BETA_REVIEW}, {@code BETA_REJECTED}, {@code BETA_APPROVED}), and {@code IN_BETA_TESTING}
 *       once testers have the build (an internal group with all builds counts for the internal
 *       side).
 *   <li>Text attributes: absent in a PATCH keeps the value, JSON null clears it. Locales must look
 *       like {@code en-US}, {@code zh-Hans} or {@code es-419} (Apple checks its own list). Beta app
 *       description, "What to Test", tvOS privacy policy and review notes hold at most 4,000
 *       characters (Apple's limit for the first two; ours for the others). URLs must be absolute
 *       http(s); App Clip invocation URLs https.
 *   <li>At most 3 App Clip invocations per App Clip bundle (App Store Connect Help, "Test an App
 *       Clip experience": "You can add up to three invocation URLs"). An invocation keeps at least
 *       one title (our assumption: deleting the last one is refused; delete the invocation).
 *   <li>The criterion option catalogue is ours, modelled on Apple's: every minor OS release of
 *       iPhone and iPad 15.0–26.1, Apple TV 15.0–26.1, Mac 12.0–26.1, Vision 1.0–26.1; no Apple
 *       Watch. A criterion needs at least one filter, one per family. The compatible build check is
 *       true when the group has a testable build whose platform runs on a filtered family with a
 *       minimum OS no higher than the filter's maximum (any testable build without criteria).
 *   <li>An invitation needs {@code relationships.betaTester} (optional in the spec; the sandbox
 *       must know whom to invite) and a tester of the app; it makes the tester {@code INVITED}
 *       unless {@code ACCEPTED} or {@code INSTALLED}. Emails are counted by {@link
 *       dev.flightplan.sandbox.SandboxAdmin}, in memory only.
 * </ul>
 *
 * <h2>Paging</h2>
 *
 * {@code limit} defaults to 20 and is at most 200; {@code limit[rel]} for included relationships
 * defaults to 10 and is at most 50 (1000 for {@code limit[builds]} on groups). {@code links.next}
 * repeats the request's path and query with an opaque {@code cursor}. Lists are in creation order
 * unless {@code sort} says otherwise.
 *
 * <h2>Error codes</h2>
 *
 * Every error is an {@code ErrorResponse} with one error holding {@code id}, {@code status} (a
 * string), {@code code}, {@code title}, {@code detail} and, where it helps, {@code source.pointer}
 * or {@code source.parameter}:
 *
 * <ul>
 *   <li>400 {@code PARAMETER_ERROR.ILLEGAL}: a query parameter the endpoint does not accept
 *       (source.parameter).
 *   <li>400 {@code PARAMETER_ERROR.INVALID}: a bad value: {@code limit} not a number or above the
 *       maximum, an unknown enum, include, sort key or field name, a bad cursor, a parameter given
 *       twice, or more than one of {@code filter[apps]}, {@code filter[betaGroups]}, {@code
 *       filter[builds]} on {@code GET /v1/betaTesters} ("Only one relationship filter can be
 *       applied.").
 *   <li>400 {@code PARAMETER_ERROR.REQUIRED}: a filter the spec requires is missing ({@code
 *       filter[build]} on review submissions, {@code filter[app]} on review details); our code, by
 *       analogy with the attribute one.
 *   <li>401 {@code NOT_AUTHORIZED}: missing or invalid bearer token (checked before anything else,
 *       and before the request body is read: an unauthenticated body is never buffered).
 *   <li>403 {@code FORBIDDEN_ERROR}: only when injected with {@code failNext(request, "403")}, as
 *       Apple answers a key whose role does not allow the request (listing users, say).
 *   <li>404 {@code NOT_FOUND}: unknown path, unknown id in the path, an unknown id in a linkage
 *       body sent to a relationship endpoint, or a to-one related resource that does not exist.
 *   <li>405 {@code METHOD_NOT_ALLOWED}: a known path with a method it does not offer.
 *   <li>413 {@code REQUEST_ENTITY_TOO_LARGE}: an authenticated request whose body is over {@code
 *       Dispatcher.MAX_BODY} (1 MiB, far above the largest body flightplan sends), refused by its
 *       Content-Length before reading it, or as soon as a chunked body passes the cap. Apple's
 *       document declares no 413; the answer is an error document like every other.
 *   <li>409 {@code ENTITY_ERROR.TYPE.INVALID}: {@code data.type} (or an {@code included} item's
 *       type) is not the endpoint's type.
 *   <li>409 {@code ENTITY_ERROR.ID.INVALID}: a PATCH whose {@code data.id} is missing or differs
 *       from the URL's.
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.REQUIRED}: a required attribute is missing or null (with
 *       its pointer); or, without a pointer and titled like Apple's, test information a review
 *       submission needs is missing: "Beta App Description is missing." (any localization of the
 *       app without a description, or none), "Beta App Review contact information is missing."
 *       (contact email, first or last name, or phone), "Demo account information is missing."
 *       (required but name or password missing), "What to Test is missing." (no build localization
 *       with {@code whatsNew}).
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.TYPE}: an attribute has the wrong JSON type (Apple's code
 *       for this).
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.INVALID}: a bad value: invalid email, URL or locale, text
 *       over its limit, blank or duplicate group name within the app (names are compared as App
 *       Store Connect holds them unique, ignoring case and Unicode normalisation: "A beta group
 *       named 'Beta' already exists for this app.", naming the group that has it; a PATCH may
 *       change the case or form of a group's own name), {@code hasAccessToAllBuilds} on an external
 *       group, public link settings on an internal group, {@code publicLinkLimit} outside 1..10000,
 *       {@code publicLinkLimitEnabled} without a limit, a duplicate locale (app or build
 *       localization, invocation title), {@code expired=false} on a build, a criterion filter whose
 *       family is not offered, whose OS versions are not listed for it, whose minimum is above its
 *       maximum, or that repeats a family, or an empty filter list. Pointers go down to the member,
 *       e.g. {@code /data/attributes/deviceFamilyOsVersionFilters/0/deviceFamily} or {@code
 *       /included/1/attributes/locale}.
 *   <li>409 {@code ENTITY_ERROR.ATTRIBUTE.UNKNOWN}: an attribute the request does not accept, e.g.
 *       create-only ones ({@code isInternalGroup}, {@code locale}) in a PATCH, or any attribute
 *       where the request takes none.
 *   <li>409 {@code ENTITY_ERROR.RELATIONSHIP.REQUIRED}: a required relationship is missing (group
 *       without app, tester without groups or builds, invocation without localizations, invitation
 *       without tester, ...).
 *   <li>409 {@code ENTITY_ERROR.RELATIONSHIP.INVALID}: a linkage of the wrong type, an unknown
 *       related id in a create body, a tester or build already linked (already a member, already
 *       has the build), a build of another app than the group, criteria for an internal group or a
 *       group that has them already, a build bundle that is not an App Clip, a local id not found
 *       in {@code included} (or an included item nobody references), an invitation for a tester who
 *       does not test the app.
 *   <li>409 {@code ENTITY_ERROR.RELATIONSHIP.UNKNOWN}: a relationship the request does not accept.
 *   <li>409 {@code STATE_ERROR.ENTITY_STATE_INVALID}: the state of the resources forbids the
 *       change: an external group in an app without an internal group ("An internal group is
 *       required before creating an external group."); enabling a public link on a group without
 *       builds; changing an expired build or its beta details; a notification while auto-notify is
 *       on ("Auto-notify already enabled") or for a build that is not testable; a fourth App Clip
 *       invocation; deleting an invocation's last title; a review submission for a build that has
 *       one already, is not VALID, is expired, misses export compliance, is internal-only, or while
 *       another build of the same version waits for or is in review ("Another build is in
 *       review.").
 *   <li>422 {@code ENTITY_UNPROCESSABLE}: the body is not a JSON:API document; a non-user would
 *       join an internal group; or a build cannot be given: to an internal group with access to all
 *       builds ("builds are added automatically"), a build that is not VALID, is expired or misses
 *       export compliance, or, for an external group or an individual tester, an internal-only
 *       build or one not approved by Beta App Review ("has not been approved for external
 *       testing").
 *   <li>429 {@code RATE_LIMIT_EXCEEDED}: no requests left in the rolling hour.
 *   <li>500 {@code UNEXPECTED_ERROR}: a sandbox bug.
 * </ul>
 *
 * <h2>Fault injection</h2>
 *
 * {@code flightplan sandbox --faults SPEC} (and {@code --sandbox-faults SPEC} for the embedded
 * sandbox) injects faults as {@link dev.flightplan.sandbox.FaultSpec} describes: {@code 5xx=RATE}
 * (500 {@code UNEXPECTED_ERROR} or 503 {@code SERVICE_UNAVAILABLE}), {@code 429=RATE}, {@code
 * reset=RATE} (the connection closes unanswered), {@code lost=SHARE} (of the 5xx and resets on
 * writes, the share that strike after the change was made), {@code slow=RATE[:DURATION]}, {@code
 * revoke=once|N} (the token of the N-th request answers 401 from then on) and {@code lag=DURATION}
 * (reads trail writes; the deletes the spec allows 202 for answer 202), with {@code seed=N} to
 * replay them. An injected answer carries {@code X-Sandbox-Fault} ({@code 5xx}, {@code 5xx-after},
 * {@code 429}, {@code revoked}, and {@code 403} for a scripted refusal); every injected answer is a
 * valid {@code ErrorResponse}. Tests fail one request on demand with {@link
 * dev.flightplan.sandbox.SandboxServer#failNext}.
 *
 * <h2>Seed format</h2>
 *
 * A JSON object; {@code src/main/resources/sandbox/demo-seed.json} is the example. Unknown keys are
 * ignored; absent lists are empty; absent flags are false.
 *
 * <pre>{@code
 * {"apps":   [{"id": "1000000001", "bundleId", "name", "sku", "primaryLocale",
 *              "appClips": [{"bundleId"}],
 *              "localizations": [{"locale", "description", "feedbackEmail", "marketingUrl", "privacyPolicyUrl",
 *                                 "tvOsPrivacyPolicy"}],
 *              "licenseAgreement": "<text>",
 *              "reviewDetail": {"contactEmail", "contactFirstName", "contactLastName", "contactPhone",
 *                               "demoAccountName", "demoAccountPassword", "demoAccountRequired", "notes"}}],
 *  "users":  [{"email", "firstName", "lastName", "roles"?: ["DEVELOPER"], "allAppsVisible"?: true,
 *              "provisioningAllowed"?: false, "id"?}],                // App Store Connect users of the team
 *  "groups": [{"app": "<bundleId or app id>", "name", "isInternalGroup", "hasAccessToAllBuilds",
 *              "feedbackEnabled", "publicLinkEnabled", "publicLinkLimitEnabled", "publicLinkLimit", "publicLinkId"?,
 *              "iosBuildsAvailableForAppleSiliconMac", "iosBuildsAvailableForAppleVision",
 *              "testers": ["<email>", ...],
 *              "criteria": [{"deviceFamily", "minimumOsInclusive"?, "maximumOsInclusive"?}],
 *              "builds": ["<version> (<number>)", ...], "id"?}],
 *  "testers":[{"email", "firstName", "lastName", "state", "inviteType"?, "id"?}],
 *  "builds": [{"app": "<bundleId or app id>", "platform": "IOS", "version": "<app version>",
 *              "number": "<build number>", "processingState": "VALID", "expired": false,
 *              "uploadedDate": "<ISO instant; default now>", "minOsVersion"?, "buildAudienceType": "APP_STORE_ELIGIBLE",
 *              "usesNonExemptEncryption": null, "autoNotify": false,
 *              "reviewState": null | "WAITING_FOR_REVIEW" | "IN_REVIEW" | "APPROVED" | "REJECTED",
 *              "whatsNew": {"<locale>": "<text>"}, "groups": ["<group name>", ...], "testers": ["<email>", ...],
 *              "appClip": null | {"bundleId"?, "invocations": [{"url", "titles": {"<locale>": "<title>"}}]}}],
 *  "usage":  [{"app": "<bundleId or app id>", "tester": "<email>", "build"?: "<version> (<number>)",
 *              "date": "<yyyy-MM-dd>" | "daysAgo": N, "sessions", "crashes", "feedback", "installs"}],
 *  "publicLinkUsage": [{"app", "group": "<group name>", "date" | "daysAgo", "views", "accepted",
 *              "didNotAccept", "didNotMeetCriteria", "notRelevant", "notClear", "notInteresting"}]}
 * }</pre>
 *
 * {@code usage} is what a tester did with an app on one UTC day ({@code daysAgo}: that many days
 * before the seed is loaded, so a demo stays current); counts default to 0. The metrics sum it: an
 * app's or group's {@code betaTesterUsages} over {@code period} (P7D, P30D, P90D or P365D, default
 * P30D: the last N UTC days up to and with today) for all its testers, or with {@code
 * groupBy=betaTesters} one item per tester of the app or member of the group, inactive ones with
 * zeros (our assumption; Apple does not say), and the testers in {@code included}; a tester's per
 * app of {@code filter[apps]}; a build's {@code betaBuildUsages} from the entries naming it, with
 * {@code inviteCount} the testers who have the build (its groups' members and its individual
 * testers); a group's {@code publicLinkUsages} from {@code publicLinkUsage}, each ratio the share
 * of {@code didNotAccept}. Every item has one data point spanning its period (Apple's may have
 * several).
 *
 * <p>A build's {@code version} and platform make its pre-release version; every build has an {@code
 * APP} bundle, and an {@code APP_CLIP} bundle when {@code appClip} is given (its bundle id defaults
 * to the app's first App Clip). A {@code reviewState} makes a submission an hour after the upload.
 * Builds join groups from either side. A seed describes a state as it is: names and values are
 * checked, but TestFlight's rules for changes (a build before a public link, an internal group
 * before an external one, approval before external testers) are not. A build's {@code testers} are
 * seed testers given the build individually. Ids, when not given, are derived from natural keys
 * (groups from app and name, testers from email, builds from app, platform, version and number, and
 * so on), and seeded public link ids from the group, so a seed always yields the same ids and
 * links. A group member missing from {@code testers} is created from {@code users}.
 *
 * <h2>State files</h2>
 *
 * Written as format 2 (the format-1 lists plus {@code testFlight}, one list per kind). A format-1
 * file loads with no builds, and each app gets an empty license agreement and review detail.
 */
package dev.flightplan.sandbox;
