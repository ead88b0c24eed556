package io.keyward.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.session.ProfileOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.keyward.store.AtomicFilesTest.mode;
import static io.keyward.store.AtomicFilesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProfileStoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T01:02:03Z"), ZoneId.of("Europe/Istanbul"));
    static final String ASIDE = "profiles.json.unreadable-20261201T010203Z";

    @TempDir
    Path tmp;

    static final SavedProfile CUSTOMER = new SavedProfile("Müşteri / prod", BackendKind.APINIZER,
            URI.create("https://apinizer.müşteri.example/manager/"), SignInMethod.USERNAME_PASSWORD, "ayşe.öz", true,
            new ProfileOptions(Duration.ofSeconds(45), Duration.ofMinutes(3), 64));
    static final SavedProfile AMPERSAND = new SavedProfile("Lab \"quoted\" \\ back\\slash 本番 🔑", BackendKind.AMPERSAND,
            URI.create("https://api.withampersand.com/v1"), SignInMethod.API_KEY, null, false,
            new ProfileOptions(Duration.ofMillis(1500), Duration.ofSeconds(90), 8));
    static final SavedProfile TOKEN = new SavedProfile("  leading and trailing  ", BackendKind.APINIZER,
            URI.create("http://127.0.0.1:8080/apiops"), SignInMethod.PERSONAL_TOKEN, null, true, ProfileOptions.DEFAULTS);

    private Path file() {
        return tmp.resolve("data").resolve("profiles.json");
    }

    @Test
    void savedProfilesComeBackExactlyIncludingOptionsOrderAndOddNames() throws IOException {
        List<SavedProfile> saved = List.of(CUSTOMER, AMPERSAND, TOKEN);

        new ProfileStore(file(), CLOCK).save(saved);
        ProfileStore.Loaded loaded = new ProfileStore(file(), CLOCK).load();

        assertNull(loaded.notice());
        assertEquals(saved, loaded.profiles());
        assertEquals(Duration.ofMillis(1500), loaded.profiles().get(1).options().readTimeout());
        // UTF-8 as written, not \\u escapes: the file stays readable for a person.
        assertTrue(Files.readString(file(), StandardCharsets.UTF_8).contains("\"name\": \"Müşteri / prod\""));
    }

    @Test
    void theFileHasTheDocumentedShapeAndNoSecret() throws IOException {
        new ProfileStore(file(), CLOCK).save(List.of(CUSTOMER));

        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file()));
        assertEquals(ProfileStore.SCHEMA_VERSION, root.get("schemaVersion").intValue());
        assertEquals(1, root.get("profiles").size());
        JsonNode p = root.get("profiles").get(0);
        List<String> fields = new ArrayList<>();
        p.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("name", "backend", "url", "method", "username", "rememberSecret", "readTimeoutSeconds",
                "changeTimeoutSeconds", "maxResponseMiB", "network"), fields);
        assertEquals("APINIZER", p.get("backend").textValue());
        assertEquals("USERNAME_PASSWORD", p.get("method").textValue());
        assertEquals("https://apinizer.müşteri.example/manager/", p.get("url").textValue());
        assertEquals("ayşe.öz", p.get("username").textValue());
        assertTrue(p.get("rememberSecret").booleanValue());
        assertEquals(45, p.get("readTimeoutSeconds").intValue());
        assertEquals(180, p.get("changeTimeoutSeconds").intValue());
        assertEquals(64, p.get("maxResponseMiB").intValue());
    }

    @Test
    void networkSettingsComeBackWithoutTheirPasswords() throws IOException {
        String ca = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ0E=\n-----END CERTIFICATE-----\n";
        io.keyward.session.ProfileNetwork net = new io.keyward.session.ProfileNetwork(List.of(ca), true,
                "/home/ayşe/keys/client.p12", io.keyward.model.Secret.of("p12-SECRET-pass"),
                io.keyward.session.ProfileNetwork.Proxy.MANUAL, "proxy.corp.example", 3128, "svc-keyward",
                io.keyward.model.Secret.of("proxy-SECRET-pass"), true);
        SavedProfile p = new SavedProfile(CUSTOMER.name(), CUSTOMER.backend(), CUSTOMER.url(), CUSTOMER.method(),
                CUSTOMER.username(), true, CUSTOMER.options().withNetwork(net));
        new ProfileStore(file(), CLOCK).save(List.of(p));
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        assertFalse(text.contains("SECRET"), "no password in the file: " + text);
        io.keyward.session.ProfileNetwork back = new ProfileStore(file(), CLOCK).load().profiles().get(0).options().network();
        assertEquals(net.withPasswords(null, null), back, "everything but the passwords");
        assertEquals("", back.proxyPassword().reveal());
    }

    @Test
    void saveWritesAnOwnerOnlyFileInAnOwnerOnlyDirectoryAndNothingElse() throws IOException {
        assumeTrue(AtomicFiles.posix(tmp), "POSIX modes");

        new ProfileStore(file(), CLOCK).save(List.of(TOKEN));
        new ProfileStore(file(), CLOCK).save(List.of(TOKEN, CUSTOMER));

        assertEquals("rw-------", mode(file()));
        assertEquals("rwx------", mode(file().getParent()));
        assertEquals(List.of("profiles.json"), names(file().getParent()));
    }

    @Test
    void aMissingFileIsNoProblemAndIsNotCreated() {
        ProfileStore.Loaded loaded = new ProfileStore(file(), CLOCK).load();

        assertEquals(List.of(), loaded.profiles());
        assertNull(loaded.notice());
        assertFalse(Files.exists(file().getParent()));
    }

    @Test
    void anEmptyListIsSavedAndLoaded() throws IOException {
        new ProfileStore(file(), CLOCK).save(List.of(CUSTOMER));
        new ProfileStore(file(), CLOCK).save(List.of());

        ProfileStore.Loaded loaded = new ProfileStore(file(), CLOCK).load();
        assertEquals(List.of(), loaded.profiles());
        assertNull(loaded.notice());
    }

    @Test
    void invalidJsonIsMovedAsideWithANoticeNamingWhereAndItsContentKept() throws IOException {
        String broken = "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"Müşteri / prod\",";
        Files.createDirectories(file().getParent());
        Files.writeString(file(), broken, StandardCharsets.UTF_8);

        ProfileStore store = new ProfileStore(file(), CLOCK);
        ProfileStore.Loaded loaded = store.load();

        Path aside = file().resolveSibling(ASIDE);
        assertEquals(List.of(), loaded.profiles());
        assertNotNull(loaded.notice());
        assertTrue(loaded.notice().contains(file().toString()), loaded.notice());
        assertTrue(loaded.notice().contains("moved to " + aside), loaded.notice());
        assertTrue(loaded.notice().contains("not valid JSON"), loaded.notice());
        assertTrue(loaded.notice().contains("without saved connections"), loaded.notice());
        assertFalse(loaded.notice().contains("Müşteri"), "the notice does not quote the file back");
        assertEquals(broken, Files.readString(aside, StandardCharsets.UTF_8));
        assertFalse(Files.exists(file()));

        // Saving afterwards writes a fresh file and leaves the one set aside alone.
        store.save(List.of(TOKEN));
        assertEquals(List.of(TOKEN), new ProfileStore(file(), CLOCK).load().profiles());
        assertEquals(broken, Files.readString(aside, StandardCharsets.UTF_8));
    }

    @Test
    void aFileFromANewerKeywardIsRefusedNotOverwritten() throws IOException {
        String newer = """
                {"schemaVersion": 2, "profiles": [{"name": "Lab", "backend": "APINIZER",
                  "url": "https://lab.example", "method": "PERSONAL_TOKEN", "rememberSecret": true}]}
                """;
        Files.createDirectories(file().getParent());
        Files.writeString(file(), newer);

        ProfileStore.Loaded loaded = new ProfileStore(file(), CLOCK).load();

        assertEquals(List.of(), loaded.profiles());
        assertTrue(loaded.notice().contains("written by a newer Keyward"), loaded.notice());
        assertTrue(loaded.notice().contains(file().resolveSibling(ASIDE).toString()), loaded.notice());
        assertEquals(newer, Files.readString(file().resolveSibling(ASIDE)));
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOptionsAreTheDefaults() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"schemaVersion": 1, "theme": "dark", "extra": {"deep": [1, 2, {"x": null}]},
                 "profiles": [{"name": "Lab", "backend": "APINIZER", "url": "https://lab.example",
                               "method": "PERSONAL_TOKEN", "colour": "red", "pinned": true, "tags": ["a"]}]}
                """);

        ProfileStore.Loaded loaded = new ProfileStore(file(), CLOCK).load();

        assertNull(loaded.notice());
        assertEquals(List.of(new SavedProfile("Lab", BackendKind.APINIZER, URI.create("https://lab.example"),
                SignInMethod.PERSONAL_TOKEN, null, false, ProfileOptions.DEFAULTS)), loaded.profiles());
        assertTrue(Files.exists(file()), "a readable file stays where it is");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   \n",
            "[]",
            "\"profiles\"",
            "{\"profiles\": []}",
            "{\"schemaVersion\": \"1\", \"profiles\": []}",
            "{\"schemaVersion\": 0, \"profiles\": []}",
            "{\"schemaVersion\": 1}",
            "{\"schemaVersion\": 1, \"profiles\": {}}",
            "{\"schemaVersion\": 1, \"profiles\": []} trailing",
            "{\"schemaVersion\": 1, \"schemaVersion\": 1, \"profiles\": []}",
            "{\"schemaVersion\": 1, \"profiles\": [42]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"backend\": \"APINIZER\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\"}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"KONG\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\"}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"APINIZER\", \"url\": \"https://a\","
                    + " \"method\": \"CLIENT_CERTIFICATE\"}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"AMPERSAND\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\"}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"APINIZER\", \"url\": \"https://a b\","
                    + " \"method\": \"PERSONAL_TOKEN\"}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"APINIZER\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\", \"readTimeoutSeconds\": \"30\"}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"APINIZER\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\", \"readTimeoutSeconds\": 1e30}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"APINIZER\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\", \"rememberSecret\": \"yes\"}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"APINIZER\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\", \"maxResponseMiB\": 1.5}]}",
            "{\"schemaVersion\": 1, \"profiles\": [{\"name\": \"A\", \"backend\": \"APINIZER\", \"url\": \"https://a\","
                    + " \"method\": \"PERSONAL_TOKEN\"}, {\"name\": \"B\"}]}",
    })
    void aFileThatCannotBeReadInFullIsMovedAsideWhole(String content) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), content);

        ProfileStore.Loaded loaded = new ProfileStore(file(), CLOCK).load();

        assertEquals(List.of(), loaded.profiles());
        assertNotNull(loaded.notice());
        assertTrue(loaded.notice().startsWith("The saved connections in " + file() + " could not be read ("),
                loaded.notice());
        assertTrue(loaded.notice().contains("The file was moved to " + file().resolveSibling(ASIDE)
                + " and nothing was overwritten"), loaded.notice());
        assertEquals(content, Files.readString(file().resolveSibling(ASIDE)));
        assertFalse(Files.exists(file()));
    }

    @Test
    void theNoticeSaysWhichProfileIsWrongAndWhy() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"schemaVersion": 1, "profiles": [
                  {"name": "Lab", "backend": "APINIZER", "url": "https://a", "method": "PERSONAL_TOKEN"},
                  {"name": "Prod", "backend": "AMPERSAND", "url": "https://b", "method": "USERNAME_PASSWORD"}]}
                """);

        String notice = new ProfileStore(file(), CLOCK).load().notice();

        assertTrue(notice.contains("(profile 2 (\"Prod\") signs in to Ampersand with USERNAME_PASSWORD, which Ampersand"
                + " does not offer)"), notice);
    }

    @Test
    void aDirectoryInThePlaceOfTheFileIsMovedAsideToo() throws IOException {
        Files.createDirectories(file());
        Files.writeString(file().resolve("inside"), "kept");

        ProfileStore.Loaded loaded = new ProfileStore(file(), CLOCK).load();

        assertTrue(loaded.notice().contains("reading it failed"), loaded.notice());
        assertEquals("kept", Files.readString(file().resolveSibling(ASIDE).resolve("inside")));
    }

    @Test
    void anUnreadableFileThatCannotBeMovedAsideIsNeverWrittenOver() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{not json");
        // The clock fails twice (the load's move aside, then the first save's retry), then works.
        AtomicInteger calls = new AtomicInteger();
        Clock flaky = new Clock() {
            @Override
            public Instant instant() {
                if (calls.incrementAndGet() <= 2) {
                    throw new IllegalStateException("clock unavailable");
                }
                return CLOCK.instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        ProfileStore store = new ProfileStore(file(), flaky);

        ProfileStore.Loaded loaded = store.load();
        assertTrue(loaded.notice().contains("could not be moved aside either (clock unavailable)"), loaded.notice());
        assertTrue(loaded.notice().contains("will not write over it"), loaded.notice());
        assertEquals("{not json", Files.readString(file()));

        IOException refused = assertThrows(IOException.class, () -> store.save(List.of(TOKEN)));
        assertTrue(refused.getMessage().contains("rather than written over"), refused.getMessage());
        assertEquals("{not json", Files.readString(file()));

        store.save(List.of(TOKEN)); // the clock works again: the old file goes aside first
        assertEquals("{not json", Files.readString(file().resolveSibling(ASIDE)));
        assertEquals(List.of(TOKEN), new ProfileStore(file(), CLOCK).load().profiles());
        assertEquals(Set.of("profiles.json", ASIDE), Set.copyOf(names(file().getParent())));
    }

    @Test
    void aProfileCannotPairABackendWithAMethodItDoesNotOffer() {
        assertThrows(IllegalArgumentException.class, () -> new SavedProfile("x", BackendKind.AMPERSAND,
                URI.create("https://a"), SignInMethod.PERSONAL_TOKEN, null, false, null));
        assertEquals(ProfileOptions.DEFAULTS, new SavedProfile("x", BackendKind.AMPERSAND, URI.create("https://a"),
                SignInMethod.API_KEY, null, false, null).options());
    }
}
