package io.keyward.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.session.ProfileOptions;
import io.keyward.store.VersionedJsonFile.Unreadable;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * profiles.json in the data directory: the saved connections, without their secrets.
 *
 * <pre>{"schemaVersion": 1, "profiles": [{"name": "Lab", "backend": "APINIZER", "url": "https://...",
 *   "method": "PERSONAL_TOKEN", "username": null, "rememberSecret": true, "readTimeoutSeconds": 30,
 *   "changeTimeoutSeconds": 120, "maxResponseMiB": 16}]}</pre>
 *
 * A file this Keyward cannot read in full is moved aside whole rather than half-loaded: saving a partial
 * list later would silently drop the profiles it skipped.
 */
public final class ProfileStore {

    public static final int SCHEMA_VERSION = 1;

    private final VersionedJsonFile file;

    public ProfileStore(Path file, Clock clock) {
        this.file = new VersionedJsonFile(file, clock, SCHEMA_VERSION, "The saved connections",
                "Keyward starts without saved connections.");
    }

    /**
     * @param profiles the saved connections, in their saved order
     * @param notice   null, or a sentence for the user when the file could not be read: why, where it was
     *                 moved to, and that its profiles were not loaded. A missing file is no problem.
     */
    public record Loaded(List<SavedProfile> profiles, String notice) {
        public Loaded {
            profiles = List.copyOf(profiles);
        }
    }

    /** Never throws. */
    public synchronized Loaded load() {
        try {
            ObjectNode root = file.read();
            return new Loaded(root == null ? List.of() : profiles(root), null);
        } catch (Unreadable e) {
            return new Loaded(List.of(), file.setAside(e.getMessage()));
        } catch (RuntimeException e) {
            // Not foreseen above, but still no reason to stop Keyward or to lose the file.
            return new Loaded(List.of(), file.setAside(VersionedJsonFile.describe(e)));
        }
    }

    public synchronized void save(List<SavedProfile> profiles) throws IOException {
        ObjectNode root = file.newRoot();
        ArrayNode list = root.putArray("profiles");
        for (SavedProfile p : profiles) {
            ObjectNode o = list.addObject();
            o.put("name", p.name());
            o.put("backend", p.backend().name());
            o.put("url", p.url().toString());
            o.put("method", p.method().name());
            o.put("username", p.username());
            o.put("rememberSecret", p.rememberSecret());
            JsonFields.putSeconds(o, "readTimeoutSeconds", p.options().readTimeout());
            JsonFields.putSeconds(o, "changeTimeoutSeconds", p.options().changeTimeout());
            o.put("maxResponseMiB", p.options().maxResponseMiB());
            // How the connection is reached, without its passwords (those are in the keychain, if anywhere).
            io.keyward.session.ProfileNetwork n = p.options().network();
            ObjectNode net = o.putObject("network");
            ArrayNode cas = net.putArray("caCertificatesPem");
            n.caCertificatesPem().forEach(cas::add);
            net.put("useOsTrustStore", n.useOsTrustStore());
            net.put("clientCertificate", n.clientCertificate());
            net.put("proxy", n.proxy().name());
            net.put("proxyHost", n.proxyHost());
            net.put("proxyPort", n.proxyPort());
            net.put("proxyUsername", n.proxyUsername());
            net.put("allowPlainHttp", n.allowPlainHttp());
        }
        file.write(root);
    }

    private static List<SavedProfile> profiles(ObjectNode root) throws Unreadable {
        JsonNode list = root.get("profiles");
        if (list == null || !list.isArray()) {
            throw new Unreadable("it has no \"profiles\" list");
        }
        List<SavedProfile> profiles = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode o = list.get(i);
            String where = "profile " + (i + 1);
            if (!o.isObject()) {
                throw new Unreadable(where + " is not an object");
            }
            profiles.add(profile(o, where));
        }
        return profiles;
    }

    /** Absent (a file from before network settings): the defaults. */
    private static io.keyward.session.ProfileNetwork network(JsonNode n, String where) throws Unreadable {
        if (n == null || n.isNull()) {
            return io.keyward.session.ProfileNetwork.DEFAULTS;
        }
        if (!n.isObject()) {
            throw new Unreadable(where + " has a \"network\" that is not an object");
        }
        String at = where + "'s network";
        List<String> cas = new ArrayList<>();
        JsonNode list = n.get("caCertificatesPem");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new Unreadable(at + " has \"caCertificatesPem\" that is not a list");
            }
            for (JsonNode c : list) {
                if (!c.isTextual() || !c.asText().contains("-----BEGIN CERTIFICATE-----")) {
                    throw new Unreadable(at + " has a trusted CA that is not a PEM certificate");
                }
                cas.add(c.asText());
            }
        }
        io.keyward.session.ProfileNetwork.Proxy proxy = JsonFields.given(n, "proxy")
                ? JsonFields.constant(n, "proxy", at, io.keyward.session.ProfileNetwork.Proxy.class)
                : io.keyward.session.ProfileNetwork.Proxy.SYSTEM;
        int port = JsonFields.given(n, "proxyPort") ? JsonFields.integer(n, "proxyPort", at) : 0;
        if (port < 0 || port > 65535) {
            throw new Unreadable(at + " has a proxy port outside 0..65535");
        }
        return new io.keyward.session.ProfileNetwork(cas, JsonFields.bool(n, "useOsTrustStore", at, false),
                JsonFields.text(n, "clientCertificate", at), null, proxy, JsonFields.text(n, "proxyHost", at), port,
                JsonFields.text(n, "proxyUsername", at), null, JsonFields.bool(n, "allowPlainHttp", at, false));
    }

    private static SavedProfile profile(JsonNode o, String position) throws Unreadable {
        String name = JsonFields.requiredText(o, "name", position);
        String where = position + " (\"" + name + "\")";
        BackendKind backend = JsonFields.constant(o, "backend", where, BackendKind.class);
        SignInMethod method = JsonFields.constant(o, "method", where, SignInMethod.class);
        if (!backend.signInMethods().contains(method)) {
            throw new Unreadable(where + " signs in to " + backend.displayName() + " with " + method.name()
                    + ", which " + backend.displayName() + " does not offer");
        }
        String url = JsonFields.requiredText(o, "url", where);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Unreadable(where + " has a \"url\" that is not a URL");
        }
        ProfileOptions options = new ProfileOptions(JsonFields.seconds(o, "readTimeoutSeconds", where),
                JsonFields.seconds(o, "changeTimeoutSeconds", where), JsonFields.integer(o, "maxResponseMiB", where),
                network(o.get("network"), where));
        return new SavedProfile(name, backend, uri, method, JsonFields.text(o, "username", where),
                JsonFields.bool(o, "rememberSecret", where, false), options);
    }
}
