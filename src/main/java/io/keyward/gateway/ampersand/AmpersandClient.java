package io.keyward.gateway.ampersand;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.JwtKeysApi;
import io.keyward.gateway.ProblemDetails;
import io.keyward.gateway.http.HttpAnswer;
import io.keyward.gateway.http.HttpFailures;
import io.keyward.gateway.http.HttpTransport;
import io.keyward.gateway.http.Json;
import io.keyward.gateway.http.PathBuilder;
import io.keyward.gateway.http.Redactor;
import io.keyward.model.JwtKey;
import io.keyward.model.JwtKeyUpdate;
import io.keyward.model.NewJwtKey;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link GatewayClient} for Ampersand's public API: projects and their JWT keys
 * ({@code {base}/projects/{projectIdOrName}/jwt-keys[/{keyId}]}, no trailing slash), signed in with
 * an API key sent as {@code X-Api-Key}. Errors are RFC 9457 problems, attached to every
 * {@link GatewayException} as {@link GatewayException#problem()}.
 *
 * <p>Requests go through the shared {@link HttpTransport}: GETs are retried after network failures
 * and after 502, 503, 504 and 429; mutations never are. The only repeated mutations are the two
 * spec fallbacks of {@link #createJwtKey} and {@link #updateJwtKey}, and only after a 400, which
 * means the server changed nothing.
 */
public final class AmpersandClient implements GatewayClient, JwtKeysApi {

    private static final System.Logger LOG = System.getLogger(AmpersandClient.class.getName());
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String ACCEPT = "application/json, application/problem+json";

    /** CreateJWTKeyRequest's schema: {@code algorithm} enum [RS256]. */
    static final String ALGORITHM = "RS256";
    /** What the create example (and the 400 example's remedy, "use 'RSA'") sends instead. */
    static final String ALGORITHM_AS_IN_EXAMPLE = "RSA";

    private static final Pattern NAME_MISSING = Pattern.compile(
            "\\bname\\b.*\\b(missing|required|empty)\\b|\\b(missing|required|empty)\\b.*\\bname\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MASK_INVALID = Pattern.compile(
            "\\b(update ?)?mask\\b.*\\b(invalid|unknown|unsupported|not allowed|not supported)\\b"
                    + "|\\b(invalid|unknown|unsupported)\\b.*\\b(update ?)?mask\\b|allowed masks",
            Pattern.CASE_INSENSITIVE);
    /** Labels remembered for messages: enough for a long session, small enough never to matter. */
    private static final int MAX_REMEMBERED_LABELS = 10_000;

    private final HttpUrl root;
    private final Secret apiKey;
    private final HttpTransport transport;
    private final ObjectMapper json;
    private final Redactor redactor;
    private final AmpersandErrors errors;
    /** Key labels seen in answers, by project address and key id, so failures name the key as the user knows it. */
    private final Map<String, String> labels = new ConcurrentHashMap<>();

    public AmpersandClient(ConnectionSettings settings) {
        this(settings, new OkHttpClient());
    }

    /**
     * @param settings its base URL is the root that holds {@code /projects}, e.g.
     *                 {@code https://api.withampersand.com/v1} (a trailing slash is fine)
     * @param base     an OkHttp client whose dispatcher may be shared between connections
     * @throws IllegalArgumentException when the URL is not http(s) or the authentication is not an API key
     */
    public AmpersandClient(ConnectionSettings settings, OkHttpClient base) {
        this(settings, base, Clock.systemUTC());
    }

    AmpersandClient(ConnectionSettings settings, OkHttpClient base, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        if (!(settings.authentication() instanceof Authentication.ApiKey key)) {
            throw new IllegalArgumentException("Ampersand signs in with an API key, not with "
                    + settings.authentication().method() + ".");
        }
        this.apiKey = key.key();
        // No guessing: a URL without /v1 is used as given; a 404 from /projects then says what to check.
        this.root = PathBuilder.root(settings.baseUrl().toString());
        this.transport = new HttpTransport(settings, base);
        this.json = Json.lenientMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.redactor = Redactor.of(apiKey.reveal());
        this.errors = new AmpersandErrors(json, redactor, clock);
    }

    @Override
    public BackendKind kind() {
        return BackendKind.AMPERSAND;
    }

    @Override
    public Optional<JwtKeysApi> jwtKeys() {
        return Optional.of(this);
    }

    @Override
    public String describe() {
        return "Ampersand " + root;
    }

    @Override
    public String toString() {
        return "AmpersandClient[" + root + "]"; // never the API key
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<Project> listProjects() {
        String action = "Loading projects";
        HttpUrl url = PathBuilder.under(root, action).fixed("projects").build();
        try {
            return get(action, url, AmpersandWire::projects);
        } catch (GatewayException e) {
            if (e.httpStatus() == 404) {
                throw withBaseUrlHint(e);
            }
            throw e;
        }
    }

    @Override
    public List<JwtKey> listJwtKeys(Project project, boolean activeOnly) {
        String action = "Loading " + (activeOnly ? "active " : "") + "JWT keys of project " + q(project.name());
        PathBuilder path = keys(action, project);
        if (activeOnly) {
            path.query("active", "true"); // the default (false) is left out, as the spec's example does
        }
        List<JwtKey> keys = get(action, path.build(), AmpersandWire::jwtKeys);
        keys.forEach(k -> remember(project, k.id(), k.label()));
        return keys;
    }

    @Override
    public JwtKey getJwtKey(Project project, String keyId) {
        String action = "Loading " + key(project, keyId) + " in project " + q(project.name());
        JwtKey key = get(action, keys(action, project).name(keyId).build(), AmpersandWire::jwtKey);
        remember(project, key.id(), key.label());
        return key;
    }

    // ---------------------------------------------------------------- mutations

    /**
     * POSTs {@code {"label", "algorithm": "RS256", "publicKeyPem"}}: the request schema's reading. The
     * published spec contradicts itself (the schema says {@code label} and enum {@code RS256}, its
     * example says {@code name} and {@code RSA}); the schema is what validators are generated from,
     * so it goes first. If the server answers 400 and its problem names the {@code algorithm} field,
     * or says {@code name} is missing, the request is sent once more in the example's reading of
     * what it named. That is safe: a 400 means the server created nothing, so the second request
     * cannot create a second key. There is never more than one extra request.
     */
    @Override
    public String createJwtKey(Project project, NewJwtKey key) {
        Objects.requireNonNull(key, "key");
        if (key.publicKeyPem().contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("That PEM holds a private key; only the public key is sent to "
                    + "Ampersand. Nothing was sent.");
        }
        String action = "Creating JWT key " + q(key.label()) + " in project " + q(project.name());
        HttpUrl url = keys(action, project).build();
        String unknown = "reload the list to check before creating it again";
        HttpAnswer answer = sendChange(action, authorized(action, url).post(createBody(key, "label", ALGORITHM)),
                unknown);
        if (answer.status() == 400) {
            ProblemDetails problem = errors.problem(answer);
            boolean algorithm = namesAlgorithm(problem);
            boolean name = saysNameMissing(problem);
            if (algorithm || name) {
                LOG.log(System.Logger.Level.DEBUG, () -> "create JWT key: 400 names "
                        + (algorithm ? "algorithm" : "") + (algorithm && name ? " and " : "") + (name ? "name" : "")
                        + "; sending once more as in the spec's example");
                answer = sendChange(action, authorized(action, url).post(createBody(key, name ? "name" : "label",
                        algorithm ? ALGORITHM_AS_IN_EXAMPLE : ALGORITHM)), unknown);
            }
        }
        if (!answer.isSuccessful()) {
            throw errors.fromAnswer(action, answer);
        }
        String kid;
        try {
            kid = AmpersandWire.kid(AmpersandWire.tree(json, answer.body()));
        } catch (AmpersandWire.BadBody e) {
            throw HttpFailures.unreadable(action, answer, redactor,
                    "the key was probably created, so reload the list before trying again");
        }
        if (kid == null) {
            throw HttpFailures.incomplete(action, answer,
                    "without the new key's id (kid); the key was probably created, so reload the list before trying again");
        }
        remember(project, kid, key.label());
        return kid;
    }

    /**
     * PATCHes {@code {"updateMask": [...], "jwtKey": {...}}} with only the fields that change. The
     * schema's mask enum says {@code label}; its examples and the invalid-mask remedy say {@code name}.
     * {@code label} is sent first (the schema, as for create); only a 400 saying the mask is invalid,
     * for an update that renames, sends once more with {@code name} in the mask and in
     * {@code jwtKey}. Safe for the same reason as create: a 400 changed nothing.
     */
    @Override
    public JwtKey updateJwtKey(Project project, String keyId, JwtKeyUpdate update) {
        Objects.requireNonNull(update, "update");
        String verb = update.label() != null && update.active() == null ? "Renaming"
                : update.label() == null ? (update.active() ? "Activating" : "Deactivating") : "Updating";
        String action = verb + " " + key(project, keyId) + " in project " + q(project.name())
                + (update.label() != null ? " to " + q(update.label()) : "");
        HttpUrl url = keys(action, project).name(keyId).build();
        String unknown = "reload to check before trying again";
        HttpAnswer answer = sendChange(action, authorized(action, url).patch(updateBody(update, "label")), unknown);
        if (answer.status() == 400 && update.label() != null && saysMaskInvalid(errors.problem(answer))) {
            LOG.log(System.Logger.Level.DEBUG, "update JWT key: 400 says the mask is invalid; sending once more with 'name'");
            answer = sendChange(action, authorized(action, url).patch(updateBody(update, "name")), unknown);
        }
        if (!answer.isSuccessful()) {
            throw errors.fromAnswer(action, answer);
        }
        JwtKey updated;
        try {
            updated = AmpersandWire.jwtKey(AmpersandWire.tree(json, answer.body()));
        } catch (AmpersandWire.BadBody e) {
            throw HttpFailures.unreadable(action, answer, redactor,
                    "the change was probably applied, so reload before trying again");
        }
        remember(project, updated.id(), updated.label());
        return updated;
    }

    @Override
    public void deleteJwtKey(Project project, String keyId) {
        String action = "Deleting " + key(project, keyId) + " in project " + q(project.name());
        HttpUrl url = keys(action, project).name(keyId).build();
        HttpAnswer answer = sendChange(action, authorized(action, url).delete(),
                "reload the list to check before trying again");
        if (!answer.isSuccessful()) { // 204 as documented; a 200 means the same
            throw errors.fromAnswer(action, answer);
        }
        labels.remove(labelKey(project, keyId));
    }

    // ---------------------------------------------------------------- spec fallbacks

    /** The 400's problem names {@code algorithm}: as an invalid field, or in its detail. */
    static boolean namesAlgorithm(ProblemDetails p) {
        return p != null && (p.fieldNames().stream().anyMatch(f -> lastSegment(f).equals("algorithm"))
                || mentions(p.detail(), "algorithm") || mentions(p.title(), "algorithm"));
    }

    /** The 400's problem says {@code name} is missing: {@code name} as an invalid field (it was not sent), or in its detail. */
    static boolean saysNameMissing(ProblemDetails p) {
        return p != null && (p.fieldNames().stream().anyMatch(f -> lastSegment(f).equals("name"))
                || p.detail() != null && NAME_MISSING.matcher(p.detail()).find());
    }

    /** The 400's problem says the update mask is invalid (detail, title, remedy, or an updateMask issue). */
    static boolean saysMaskInvalid(ProblemDetails p) {
        if (p == null) {
            return false;
        }
        for (String text : new String[] {p.detail(), p.title(), p.remedy()}) {
            if (text != null && MASK_INVALID.matcher(text).find()) {
                return true;
            }
        }
        return p.fieldNames().stream().anyMatch(f -> lastSegment(f).equals("updatemask"));
    }

    private static boolean mentions(String text, String word) {
        return text != null && Pattern.compile("\\b" + word + "\\b", Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /** {@code algorithm}, {@code body.algorithm} and {@code /algorithm} all name the same member. */
    private static String lastSegment(String field) {
        String f = field.trim().toLowerCase(Locale.ROOT);
        int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('/'));
        return cut < 0 ? f : f.substring(cut + 1);
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * {@code .../projects/{projectIdOrName}/jwt-keys}. A project is addressed by its id when the
     * server gave one, because ids survive renames; by its name otherwise.
     */
    private PathBuilder keys(String action, Project project) {
        return PathBuilder.under(root, action).fixed("projects").name(address(project)).fixed("jwt-keys");
    }

    private static String address(Project project) {
        return project.id() != null && !project.id().isBlank() ? project.id() : project.name();
    }

    /**
     * @throws GatewayException (Unauthorized, nothing sent) when the key holds a character a header
     *         cannot carry: OkHttp would refuse it with an IllegalArgumentException that quotes the
     *         header's value, and it redacts only Authorization and Cookie, not X-Api-Key
     */
    private Request.Builder authorized(String action, HttpUrl url) {
        int unsendable = unsendableAt(apiKey.reveal());
        if (unsendable >= 0) {
            throw new GatewayException(new Failure.Unauthorized(), 0, null, null, action + " failed: the API key has "
                    + "a character that cannot be sent in an HTTP header (character " + (unsendable + 1)
                    + ", such as a line break or a non-ASCII letter), so nothing was sent; enter the key again.", null);
        }
        return new Request.Builder().url(url)
                .header("X-Api-Key", apiKey.reveal())
                .header("Accept", ACCEPT)
                .header("User-Agent", HttpTransport.USER_AGENT);
    }

    private HttpAnswer send(String action, Request.Builder request) {
        return transport.execute(action, request.build());
    }

    /**
     * Sends a mutation once. The transport decides what a lost answer means: "failed …, so nothing
     * was sent" when the request never reached the wire, {@link Failure.OutcomeUnknown} with
     * {@code howToCheck} when it did and no answer came.
     */
    private HttpAnswer sendChange(String action, Request.Builder request, String howToCheck) {
        return transport.execute(action, request.build(), howToCheck);
    }

    private <T> T get(String action, HttpUrl url, Function<JsonNode, T> mapper) {
        HttpAnswer answer = send(action, authorized(action, url).get());
        if (!answer.isSuccessful()) {
            throw errors.fromAnswer(action, answer);
        }
        try {
            return mapper.apply(AmpersandWire.tree(json, answer.body()));
        } catch (AmpersandWire.BadBody e) {
            throw HttpFailures.unreadable(action, answer, redactor, null);
        }
    }

    private RequestBody createBody(NewJwtKey key, String labelMember, String algorithm) {
        ObjectNode body = json.createObjectNode();
        body.put(labelMember, key.label());
        body.put("algorithm", algorithm);
        body.put("publicKeyPem", key.publicKeyPem());
        return RequestBody.create(body.toString(), JSON);
    }

    private RequestBody updateBody(JwtKeyUpdate update, String labelMember) {
        List<String> mask = new ArrayList<>();
        ObjectNode fields = json.createObjectNode();
        if (update.active() != null) {
            mask.add("active");
            fields.put("active", update.active());
        }
        if (update.label() != null) {
            mask.add(labelMember);
            fields.put(labelMember, update.label());
        }
        ObjectNode body = json.createObjectNode();
        mask.forEach(body.putArray("updateMask")::add);
        body.set("jwtKey", fields);
        return RequestBody.create(body.toString(), JSON);
    }

    /** The path up to "/projects" answered 404: most likely a base URL without its /v1. */
    private GatewayException withBaseUrlHint(GatewayException e) {
        String m = e.getMessage();
        String sentence = m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
        String message = sentence + "; check the API base URL (now " + root + "), for example "
                + BackendKind.AMPERSAND.urlExample() + ".";
        return new GatewayException(e.failure(), e.httpStatus(), e.errorCode(), e.serverMessage(), e.problem(), message,
                e.getCause());
    }

    /** "JWT key “prod-1” (id 550e8400…)" when its label is known, else "JWT key 550e8400-…" in full. */
    private String key(Project project, String keyId) {
        String label = keyId == null ? null : labels.get(labelKey(project, keyId));
        if (label == null || label.isBlank()) {
            return "JWT key " + (keyId == null ? "(no id)" : q(keyId));
        }
        String shortId = keyId.length() > 12 ? keyId.substring(0, 8) + "\u2026" : keyId;
        return "JWT key " + q(label) + " (id " + shortId + ")";
    }

    private void remember(Project project, String keyId, String label) {
        if (labels.size() > MAX_REMEMBERED_LABELS) {
            labels.clear();
        }
        if (keyId != null && label != null && !label.isBlank()) {
            labels.put(labelKey(project, keyId), label);
        }
    }

    /** Where OkHttp would refuse a header value: anything but tab and printable ASCII. */
    static int unsendableAt(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < '\u0020' || c > '\u007e')) {
                return i;
            }
        }
        return -1;
    }

    private static String labelKey(Project project, String keyId) {
        return address(project) + '\n' + keyId;
    }

    private static String q(String name) {
        return "\u201C" + name + "\u201D";
    }
}
