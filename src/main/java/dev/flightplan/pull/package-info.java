/**
 * {@code flightplan pull}: live state → a desired-state file that plans with no changes. {@link
 * dev.flightplan.pull.Puller} reads everything flightplan manages of the apps ({@code
 * ReadScope.everything}), {@code LiveToDesired} turns each app into the desired-state records, and
 * {@code YamlWriter} (with {@code YamlScalars}) owns every byte of the file; {@code
 * TesterCsvWriter} writes tester lists in CSV.
 *
 * <p>Conventions of a pulled file:
 *
 * <ul>
 *   <li>A header: the {@code yaml-language-server} schema line, then when (from the injected clock,
 *       to the second) and from where (the endpoint, never a credential) it was pulled. Nothing
 *       else in it varies between pulls.
 *   <li>{@code manage: { groups: all, testers: exclusive }}: the file says what exists, so drift
 *       shows in a plan.
 *   <li>Natural keys only, every list sorted by its key (apps by bundle id, groups by name, testers
 *       by email, builds by platform and by version and number compared number by number, locales,
 *       URLs, device families).
 *   <li>Nothing server-owned or volatile: states, dates, public link URLs, review and processing
 *       states, ids. Expired builds are left out everywhere (planning never takes them away), and
 *       so are testers who joined through a public link (exclusive mode never removes them); a
 *       comment counts them.
 *   <li>Membership is written on the testers ({@code groups: [...]}), one tester per line, as a CSV
 *       row would. A group with access to all builds gets no {@code builds:}; every other group
 *       gets its exact list.
 *   <li>Builds: only what the file can say and is not volatile: auto-notify, export compliance when
 *       set, What to Test, and what each kind pulls of a build ({@code Kind.pullBuild}). Never
 *       {@code submitForReview} (an action).
 *   <li>Secrets: the demo account password is never written. When App Store Connect holds one, the
 *       file has a commented-out {@code # demoAccountPassword: { env: DEMO_ACCOUNT_PASSWORD }} (one
 *       variable per app when several are pulled): null means "leave alone", so the file plans with
 *       no changes until it is uncommented.
 *   <li>Strings that YAML 1.1 or 1.2 would read as something else ({@code yes}, {@code no}, {@code
 *       123}, {@code 2.10}, dates, indicators) are double-quoted; multi-line texts are literal
 *       blocks when they read back exactly.
 *   <li>A value the file format would reject is left out (so left alone) with a comment naming it.
 * </ul>
 *
 * <p>After writing, the file is loaded back with the ordinary loader (CSV lists included) and
 * rendered again; it must give the same text, or pull fails: a pulled file that does not say what
 * was pulled is a bug, never shown as success.
 */
package dev.flightplan.pull;
