package io.keyward.sandbox;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Generates the demo projects. Names are chosen to trip clients that encode paths badly: spaces,
 * '+', '/', '%' and Turkish letters. Ids are new on every call; RSA material comes from
 * {@link KeyPairs#rsaPool()}, rotated so no two RSA keys or JWKs inside one project share a modulus; EC,
 * Ed25519 and OCT material is fresh for every call. All material is made on first use, so generating the
 * data costs only ids and records and the server can answer at once.
 */
final class DemoData {
    static final String IDP_JWKS_URL = "https://idp.example.com/.well-known/jwks.json";

    private DemoData() {
    }

    static List<ProjectData> generate() {
        List<Supplier<KeyPair>> rsa = KeyPairs.rsaPool();
        List<EnvironmentInfo> environments = List.of(
                new EnvironmentInfo(newId(), "production", "Production gateway cluster (eu-central, 6 nodes)",
                        "PRODUCTION", "https://api.example.com"),
                new EnvironmentInfo(newId(), "staging", "Pre-production mirror used for release rehearsals",
                        "SANDBOX", "https://staging-api.example.com"),
                new EnvironmentInfo(newId(), "test", "Shared integration test environment",
                        "TEST", "https://test-api.example.com"));
        return List.of(payments(environments, rsa.get(0), rsa.get(1), rsa.get(2)),
                partnerGateway(environments, rsa.get(1), rsa.get(2)),
                customerPortal(environments, rsa.get(2), rsa.get(0)));
    }

    private static ProjectData payments(List<EnvironmentInfo> envs, Supplier<KeyPair> signing,
                                        Supplier<KeyPair> legacy, Supplier<KeyPair> idp) {
        Builder b = new Builder("payments", "Card, wallet and refund APIs behind the checkout flow", envs);
        KeyRecord apiSigning = b.rsaKey("api-signing-2026",
                "Signs access tokens for the checkout APIs (rotated January 2026)", signing, "production", "staging", "test");
        KeyRecord legacyKey = b.rsaKey("legacy signing+v1", "Pre-2024 signing key kept for mobile apps older than 4.2",
                legacy, "production");
        KeyRecord tokenEncryption = b.ecKey("token-encryption-ec", "ECDH-ES key for tokens sent to the card vault",
                "production", "staging");
        KeyRecord webhook = b.edKey("webhook-ed25519", "Signs webhook deliveries to merchants", "staging", "test");

        JwkRecord signingPrivate = b.derived("api-signing-2026-private", "Used by the gateway to sign access tokens",
                apiSigning, true);
        b.derived("api-signing-2026-public", "Published on the merchant JWKS endpoint", apiSigning, false);
        JwkRecord legacyPublic = b.derived("legacy-signing-v1", "Verifies tokens from app versions before 4.2",
                legacyKey, false);
        JwkRecord encryption = b.derived("token-encryption-ec", "Decrypts tokens coming back from the card vault",
                tokenEncryption, true);
        b.derived("token-encryption-ec-public", "Given to the card vault for encrypting tokens", tokenEncryption, false);
        b.derived("webhook-ed25519", "Signs merchant webhooks", webhook, true);
        JwkRecord rotation = b.generatedOct("ops/rotation 2026", "Shared HMAC secret for the 2026 key rotation drill");
        JwkRecord canary = b.generatedOct("rollout 10% canary", "HMAC key for the 10% canary traffic split");
        b.fromUrl("idp-signing", "Corporate IdP signing key, fetched from its JWKS endpoint", idp, "idp-2026-01");
        b.fromCertificate("card-vault-mtls", "Taken from the card vault's client certificate");

        b.credential("checkout-service", "Checkout Service", "checkout-service@payments.example.com",
                "Backend of the web checkout", List.of("API_USER", "PAYMENTS_WRITE"), true,
                List.of("10.20.0.0/16"), "2027-03-31T23:59:59Z", signingPrivate, encryption);
        b.credential("partner bot", "Partner Reconciliation Bot", "partner-bot@payments.example.com",
                "Nightly settlement reconciliation for partners", List.of("API_USER", "REPORTING"), true,
                List.of("192.0.2.15", "192.0.2.16"), "2026-12-31T23:59:59Z", signingPrivate, null);
        b.credential("ayşe.yılmaz", "Ayşe Yılmaz", "ayse.yilmaz@example.com",
                "Operations engineer running the rotation drill", List.of("API_USER", "OPERATIONS"), true,
                List.of(), null, rotation, null);
        b.credential("mobile-app", "Mobile App 4.x", "mobile-team@payments.example.com",
                "iOS and Android apps, all versions", List.of("API_USER"), true,
                List.of(), "2027-06-30T23:59:59Z", legacyPublic, canary);
        b.credential("reporting-readonly", "Finance Reporting", "finance-reports@example.com",
                "Read-only access for the monthly finance export", List.of("REPORTING"), false,
                List.of("198.51.100.0/24"), "2025-12-31T23:59:59Z", null, null);
        return b.project;
    }

    private static ProjectData partnerGateway(List<EnvironmentInfo> envs, Supplier<KeyPair> signing,
                                              Supplier<KeyPair> idp) {
        Builder b = new Builder("Partner Gateway", "B2B partner onboarding and settlement APIs", envs);
        KeyRecord partnerSigning = b.rsaKey("partner-signing", "Signs partner access tokens", signing,
                "production", "staging");
        KeyRecord settlement = b.ecKey("settlement-ec", "Encrypts settlement files for partners",
                "production", "staging", "test");
        KeyRecord edge = b.edKey("edge-ed25519", "Signs edge callbacks to partners", "production");

        JwkRecord signingPrivate = b.derived("partner-signing-private", "Signs partner access tokens",
                partnerSigning, true);
        JwkRecord signingPublic = b.derived("partner-signing-public", "Shared with partners for verification",
                partnerSigning, false);
        JwkRecord settlementPublic = b.derived("settlement-ec-public", "Partners encrypt settlement replies with it",
                settlement, false);
        b.derived("edge-ed25519", "Edge callback signer", edge, true);
        b.derived("edge-ed25519-public", "Edge callback verifier", edge, false);
        b.generatedOct("partner hmac 2026", "HMAC secret for partner webhook signatures");
        b.fromUrl("partner-idp", "Partner federation IdP signing key", idp, "partner-idp-7");
        b.fromCertificate("acme-bank-cert", "From ACME Bank's onboarding certificate");

        b.credential("acme-bank", "ACME Bank Integration", "integration@acme-bank.example.com",
                "Settlement integration for ACME Bank", List.of("PARTNER", "SETTLEMENT"), true,
                List.of("203.0.113.10", "203.0.113.11"), "2027-03-31T23:59:59Z", signingPrivate, settlementPublic);
        b.credential("globex integration", "Globex Corp", "api@globex.example.com",
                "Order sync for Globex", List.of("PARTNER"), true,
                List.of("203.0.113.40"), "2026-09-30T23:59:59Z", signingPublic, null);
        b.credential("initech", "Initech Sandbox", "dev@initech.example.com",
                "Onboarding in progress, no keys yet", List.of("PARTNER"), true,
                List.of(), null, null, null);
        return b.project;
    }

    private static ProjectData customerPortal(List<EnvironmentInfo> envs, Supplier<KeyPair> signing,
                                              Supplier<KeyPair> idp) {
        Builder b = new Builder("müşteri-portalı", "Müşteri self-servis portalı API'leri", envs);
        KeyRecord portalSigning = b.rsaKey("portal-imza", "Portal oturum belirteçlerini imzalar", signing,
                "production", "test");
        KeyRecord session = b.ecKey("oturum-ec", "Oturum çerezlerini şifreler", "production", "staging", "test");
        KeyRecord notifications = b.edKey("bildirim-ed25519", "Bildirim servisinin imza anahtarı", "staging");

        JwkRecord signingPrivate = b.derived("portal-imza-özel", "Portal belirteçlerini imzalar", portalSigning, true);
        b.derived("portal-imza-açık", "Mobil uygulamaya dağıtılan doğrulama anahtarı", portalSigning, false);
        JwkRecord sessionJwk = b.derived("oturum-ec", "Oturum şifreleme anahtarı", session, true);
        b.derived("bildirim-ed25519-açık", "Bildirim imzalarını doğrular", notifications, false);
        JwkRecord secret = b.generatedOct("şifreleme anahtarı/2026", "Çağrı merkezi entegrasyonunun HMAC sırrı");
        b.fromUrl("kimlik-sağlayıcı", "Kurumsal kimlik sağlayıcısının imza anahtarı", idp, "kimlik-2026");
        b.fromCertificate("e-devlet-sertifika", "e-Devlet entegrasyon sertifikasından");

        b.credential("mobil-uygulama", "Mobil Uygulama", "mobil@musteri.example.com",
                "iOS ve Android müşteri uygulaması", List.of("API_USER"), true,
                List.of(), "2027-03-31T23:59:59Z", signingPrivate, sessionJwk);
        b.credential("çağrı merkezi", "Çağrı Merkezi", "cagri-merkezi@musteri.example.com",
                "Çağrı merkezi temsilci ekranı", List.of("API_USER", "SUPPORT"), true,
                List.of("198.51.100.20"), "2026-12-31T23:59:59Z", secret, null);
        b.credential("raporlama", "Raporlama Servisi", "rapor@musteri.example.com",
                "Aylık rapor üretimi", List.of("REPORTING"), true,
                List.of(), null, null, null);
        return b.project;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Adds entities to one project, filling ids, projectId, kids and material consistently. */
    private static final class Builder {
        final ProjectData project;

        Builder(String name, String description, List<EnvironmentInfo> environments) {
            project = new ProjectData(new ProjectInfo(newId(), name, description), environments);
        }

        KeyRecord rsaKey(String name, String description, Supplier<KeyPair> pair, String... environmentNames) {
            return key(name, description, "RSA", pair, environmentNames);
        }

        KeyRecord ecKey(String name, String description, String... environmentNames) {
            return key(name, description, "EC", new Lazy<>(KeyPairs::ecP256), environmentNames);
        }

        KeyRecord edKey(String name, String description, String... environmentNames) {
            return key(name, description, "OKP", new Lazy<>(KeyPairs::ed25519), environmentNames);
        }

        private KeyRecord key(String name, String description, String keyType, Supplier<KeyPair> pair,
                              String... environmentNames) {
            KeyRecord key = new KeyRecord(newId(), project.info.id(), name, description, keyType,
                    List.of(environmentNames), pair);
            project.add(key);
            return key;
        }

        JwkRecord derived(String name, String description, KeyRecord key, boolean fromPrivate) {
            Lazy<JwkParams> params = new Lazy<>(() -> JwkEncoder.fromKeyPair(key.pair().get(), fromPrivate));
            return add(name, description, fromPrivate ? JwkSource.PRIVATE_KEY : JwkSource.PUBLIC_KEY, key.id(), null,
                    key.keyType(), thumbprintOf(params), params);
        }

        JwkRecord generatedOct(String name, String description) {
            Lazy<JwkParams> params = new Lazy<>(() -> JwkEncoder.oct(KeyPairs.secret256()));
            return add(name, description, JwkSource.GENERATE, null, null, "OCT", thumbprintOf(params), params);
        }

        /** The remote JWKS is not fetched; its key is an RSA pool pair and its kid the one the IdP would use. */
        JwkRecord fromUrl(String name, String description, Supplier<KeyPair> pair, String kid) {
            return add(name, description, JwkSource.URL, null, IDP_JWKS_URL, "RSA", Lazy.of(kid),
                    new Lazy<>(() -> JwkEncoder.fromKeyPair(pair.get(), false)));
        }

        /** The certificate itself is not modelled; sourceId stands for its id. */
        JwkRecord fromCertificate(String name, String description) {
            Lazy<JwkParams> params = new Lazy<>(() -> JwkEncoder.fromKeyPair(KeyPairs.ecP256(), false));
            return add(name, description, JwkSource.CERTIFICATE, newId(), null, "EC", thumbprintOf(params), params);
        }

        void credential(String username, String fullName, String email, String description, List<String> roles,
                        boolean enabled, List<String> ipList, String expireDate, JwkRecord validation,
                        JwkRecord encryption) {
            project.add(new CredentialRecord(newId(), username, email, fullName, description, roles, enabled, ipList,
                    expireDate == null ? null : Instant.parse(expireDate),
                    validation == null ? null : validation.id(), encryption == null ? null : encryption.id()));
        }

        private JwkRecord add(String name, String description, JwkSource source, String sourceId, String sourceUrl,
                              String type, Supplier<String> kid, Supplier<JwkParams> params) {
            JwkRecord jwk = new JwkRecord(newId(), project.info.id(), name, description, source, sourceId, sourceUrl,
                    type, kid, params);
            project.add(jwk);
            return jwk;
        }

        private static Lazy<String> thumbprintOf(Supplier<JwkParams> params) {
            return new Lazy<>(() -> JwkEncoder.thumbprint(params.get()));
        }
    }
}
