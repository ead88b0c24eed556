package io.keyward.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * The Ampersand demo projects. Unlike the /apiops demo, ids and times are fixed: they are written
 * down in the README's curl examples, and a reset really does bring back the same keys. The public
 * keys are real (2048 and 3072 bits) and come from {@link DemoPublicKeys}.
 *
 * <p>Each project shows one case the console must handle: several active keys and two with the same
 * label (so deletion has to be confirmed by id), a name that needs encoding in the path, a project whose
 * last active key is about to go, and one with no keys at all.
 */
final class AmpersandDemoData {
    static final String ORG_ID = "c2781162-f0ea-41bd-867b-c6ce91fcb851";

    static final String PAYMENTS_ID = "3924f203-b4d7-4723-b89d-98cd82853e56";
    static final String PAYMENTS = "payments-prod";
    /**
     * The published name pattern (letters, digits and hyphens, lowercased on save) would not let this
     * name exist; it is here anyway so clients get encoding a space and non-ASCII letters tested.
     */
    static final String PORTAL = "Kundenportal Zürich";
    static final String PORTAL_ID = "ff7b2583-0cbf-4ab0-bd6f-c7c6b10a8065";
    static final String PARTNER_SSO = "partner-sso";
    static final String PARTNER_SSO_ID = "66e60591-cb10-4612-9585-730bdde31925";
    static final String ANALYTICS = "analytics-staging";
    static final String ANALYTICS_ID = "694f5a25-48db-4e28-8e80-f3332cf6dc16";

    /** The label two payments keys share: a webhook key in the middle of its rotation. */
    static final String SHARED_LABEL = "partner-webhooks";

    private AmpersandDemoData() {
    }

    static List<AmpersandProjectData> generate() {
        return List.of(payments(), portal(), partnerSso(), analytics());
    }

    private static AmpersandProjectData payments() {
        AmpersandProjectData p = project(PAYMENTS_ID, PAYMENTS, "Payments", "2024-03-04T09:12:44Z", "2025-11-18T16:03:09Z");
        key(p, "8b30645b-fbbb-4b20-be55-f99954317ce0", "mobile-app-legacy", "payments-mobile-legacy", false,
                "2024-03-04T09:20:31Z", "2025-06-02T07:45:10Z");
        key(p, "13d92d15-4642-41aa-9fd2-783ae2cc85ba", "checkout-signing-2025", "payments-checkout-2025", true,
                "2025-01-13T10:02:17Z", "2025-01-13T10:02:17Z");
        key(p, "ce887cc5-7a32-4697-bfc0-94d8ff9fa8ae", SHARED_LABEL, "payments-partner-webhooks-a", true,
                "2025-04-22T14:31:05Z", "2025-04-22T14:31:05Z");
        key(p, "8c75b684-c245-4d32-a69f-586acbf323bf", "checkout-signing-2026", "payments-checkout-2026", true,
                "2026-01-12T08:55:40Z", "2026-01-12T08:55:40Z");
        key(p, "9c7d2d03-3b62-4196-87cb-6587530f78c8", SHARED_LABEL, "payments-partner-webhooks-b", true,
                "2026-09-30T13:17:58Z", "2026-09-30T13:17:58Z");
        return p;
    }

    private static AmpersandProjectData portal() {
        AmpersandProjectData p = project(PORTAL_ID, PORTAL, "Kundenportal", "2024-10-07T06:40:00Z", "2025-02-11T12:00:21Z");
        key(p, "ae666537-884c-46dd-9951-ca3001dde3f7", "portal-signatur-alt", "portal-signatur-alt", false,
                "2024-10-07T06:52:19Z", "2025-10-01T05:00:02Z");
        key(p, "9bb830a1-b8bf-42c9-8308-abcb9d80db84", "portal-signatur", "portal-signatur", true,
                "2025-09-15T11:24:36Z", "2025-09-15T11:24:36Z");
        key(p, "edfacf34-843b-4f55-9cab-7ba4963ed284", "Zahlungsbestätigung Zürich", "portal-zahlung", true,
                "2026-03-03T15:09:12Z", "2026-05-19T09:41:27Z");
        return p;
    }

    private static AmpersandProjectData partnerSso() {
        AmpersandProjectData p = project(PARTNER_SSO_ID, PARTNER_SSO, "Partner SSO", "2024-06-19T17:25:03Z",
                "2024-06-19T17:25:03Z");
        key(p, "a6015e88-e59c-4fc5-9dad-1c8dc27406bf", "sso-signing-2024", "sso-signing-2024", false,
                "2024-06-19T17:31:48Z", "2026-02-27T10:14:55Z");
        key(p, "56927b59-f9e1-44e9-9f66-35dcc2f594cc", "sso-signing", "sso-signing", true,
                "2026-02-27T10:09:30Z", "2026-02-27T10:09:30Z");
        return p;
    }

    private static AmpersandProjectData analytics() {
        return project(ANALYTICS_ID, ANALYTICS, "Analytics", "2026-08-24T08:00:00Z", "2026-08-24T08:00:00Z");
    }

    private static AmpersandProjectData project(String id, String name, String appName, String created,
                                                String updated) {
        return new AmpersandProjectData(new AmpersandProject(id, name, appName, ORG_ID, Instant.parse(created),
                Instant.parse(updated)));
    }

    private static void key(AmpersandProjectData project, String id, String label, String pemName, boolean active,
                            String created, String updated) {
        project.add(new JwtKeyRecord(id, project.project.id(), label, JwtKeyRecord.ALGORITHM,
                DemoPublicKeys.named(pemName), active, Instant.parse(created), Instant.parse(updated)));
    }
}
