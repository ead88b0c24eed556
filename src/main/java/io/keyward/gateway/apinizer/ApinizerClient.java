package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.CredentialJwkSlotsApi;
import io.keyward.gateway.CredentialsApi;
import io.keyward.gateway.EnvironmentsApi;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.JwksApi;
import io.keyward.gateway.KeysApi;
import io.keyward.gateway.http.HttpAnswer;
import io.keyward.gateway.http.HttpFailures;
import io.keyward.gateway.http.HttpTransport;
import io.keyward.gateway.http.Json;
import io.keyward.gateway.http.PathBuilder;
import io.keyward.gateway.http.Redactor;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@link GatewayClient} for Apinizer's Management API ({@code {manager}/apiops/...}).
 *
 * <p>Paths are built segment by segment with {@link PathBuilder}, so names with spaces, slashes, '+',
 * '%' or non-ASCII letters are encoded safely, "." and ".." (in any spelling a server could decode
 * to them) are refused, and each endpoint's
 * documented trailing slash is kept exactly. Requests go through the shared {@link HttpTransport}:
 * GETs are retried after network failures and after 502, 503, 504 and 429, and mutations are never
 * retried, because a repeated DELETE or PUT after a lost answer could act twice; one whose answer
 * was lost is "unknown whether it happened", never "failed".
 */
public final class ApinizerClient implements GatewayClient, EnvironmentsApi, KeysApi, JwksApi, CredentialsApi,
        CredentialJwkSlotsApi {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Duration TOKEN_EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final String UNREADABLE_CHANGE = "the status says it was done, so reload to see the result before "
            + "trying again";

    private final ConnectionSettings settings;
    private final HttpUrl apiBase;
    private final HttpTransport transport;
    private final ObjectMapper json;
    private final ErrorMapper errors;
    private final Object tokenLock = new Object();
    private Secret cachedToken;
    private long cachedTokenExpiresAtNanos;

    public ApinizerClient(ConnectionSettings settings) {
        this(settings, new OkHttpClient());
    }

    /** @param base an OkHttp client whose dispatcher and pool may be shared between connections */
    public ApinizerClient(ConnectionSettings settings, OkHttpClient base) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiBase = apiBase(settings.baseUrl().toString());
        this.transport = new HttpTransport(settings, base);
        this.json = Json.lenientMapper();
        this.errors = new ErrorMapper(json, Clock.systemUTC());
    }

    /** The manager URL plus {@code /apiops}; a URL the user already ended in /apiops is accepted too. */
    static HttpUrl apiBase(String managerUrl) {
        HttpUrl url = PathBuilder.root(managerUrl);
        HttpUrl.Builder b = url.newBuilder();
        List<String> segments = new ArrayList<>(url.pathSegments());
        segments.removeIf(String::isEmpty);
        if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("apiops")) {
            segments.remove(segments.size() - 1);
        }
        b.encodedPath("/");
        segments.forEach(b::addPathSegment);
        return b.addPathSegment("apiops").build();
    }

    // ---------------------------------------------------------------- capabilities

    @Override
    public BackendKind kind() {
        return BackendKind.APINIZER;
    }

    @Override
    public Optional<EnvironmentsApi> environments() {
        return Optional.of(this);
    }

    @Override
    public Optional<KeysApi> keys() {
        return Optional.of(this);
    }

    @Override
    public Optional<JwksApi> jwks() {
        return Optional.of(this);
    }

    @Override
    public Optional<CredentialsApi> credentials() {
        return Optional.of(this);
    }

    @Override
    public Optional<CredentialJwkSlotsApi> credentialJwkSlots() {
        return Optional.of(this);
    }

    // ---------------------------------------------------------------- auth

    /** Exchanges a username and password for a token ({@code POST /apiops/auth/token}); needs no token. */
    public TokenGrant createToken(String username, Secret password) {
        String action = "Signing in as " + q(username);
        HttpUrl url = path(action).fixed("auth").fixed("token").build();
        Request request = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .header("User-Agent", HttpTransport.USER_AGENT)
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", username)
                        .add("client_secret", password.reveal())
                        .build())
                .build();
        // Once, as a POST; a lost answer leaves nothing to check, so it is a plain failure.
        HttpAnswer answer = transport.sendOnce(action, request);
        if (!answer.isSuccessful()) {
            // Never quoted, not even scrubbed: a token endpoint's answer may hold credentials under any name.
            throw errors.signInFailure(action, answer);
        }
        Wire.TokenDto dto;
        try {
            dto = read(answer.body(), Wire.TokenDto.class);
        } catch (BodyException e) {
            dto = null;
        }
        if (dto == null || dto.access_token() == null || dto.access_token().isBlank()) {
            // Not quoted: the body may hold a token under a name this client does not know.
            throw HttpFailures.incomplete(action, answer, "without an access_token");
        }
        Duration lifetime = dto.expires_in() == null || dto.expires_in() <= 0 ? null : Duration.ofSeconds(dto.expires_in());
        return new TokenGrant(Secret.of(dto.access_token()), dto.token_type(), lifetime);
    }

    private Secret token() {
        Authentication auth = settings.authentication();
        if (auth instanceof Authentication.PersonalToken p) {
            return p.token();
        }
        if (!(auth instanceof Authentication.UsernamePassword up)) {
            throw new IllegalStateException("Apinizer signs in with a personal token or a username and password");
        }
        synchronized (tokenLock) {
            if (cachedToken == null || System.nanoTime() - cachedTokenExpiresAtNanos > 0) {
                TokenGrant grant = createToken(up.username(), up.password());
                Duration life = grant.expiresIn() == null ? Duration.ofHours(1) : grant.expiresIn();
                Duration usable = life.compareTo(TOKEN_EXPIRY_MARGIN.multipliedBy(2)) > 0 ? life.minus(TOKEN_EXPIRY_MARGIN) : life;
                cachedToken = grant.accessToken();
                cachedTokenExpiresAtNanos = System.nanoTime() + usable.toNanos();
            }
            return cachedToken;
        }
    }

    /** Forgets a fetched token, so the next call signs in again (after a 401, say). */
    public void forgetToken() {
        synchronized (tokenLock) {
            cachedToken = null;
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<Project> listProjects() {
        String action = "Loading projects";
        HttpUrl url = path(action).fixed("projects").trailingSlash().build();
        return getList(action, url, ListReader.Kind.PROJECTS);
    }

    @Override
    public List<Environment> listEnvironments(Project project) {
        // Published without a trailing slash, unlike every other endpoint.
        String action = "Loading environments of project " + q(project.name());
        HttpUrl url = path(action).fixed("environments").name(project.name()).build();
        return getList(action, url, ListReader.Kind.ENVIRONMENTS);
    }

    @Override
    public List<CryptoKey> listKeys(Project project) {
        String action = "Loading keys of project " + q(project.name());
        return getList(action, collection(action, project, "keys").trailingSlash().build(), ListReader.Kind.KEYS);
    }

    @Override
    public CryptoKey getKey(Project project, String keyName) {
        String action = "Loading key " + q(keyName) + " in project " + q(project.name());
        HttpUrl url = collection(action, project, "keys").name(keyName).trailingSlash().build();
        return single(action, getList(action, url, ListReader.Kind.KEYS));
    }

    @Override
    public List<Jwk> listJwks(Project project) {
        String action = "Loading JWKs of project " + q(project.name());
        return getList(action, collection(action, project, "jwks").trailingSlash().build(), ListReader.Kind.JWKS);
    }

    @Override
    public Jwk getJwk(Project project, String jwkName) {
        String action = "Loading JWK " + q(jwkName) + " in project " + q(project.name());
        HttpUrl url = collection(action, project, "jwks").name(jwkName).trailingSlash().build();
        return single(action, getList(action, url, ListReader.Kind.JWKS));
    }

    @Override
    public List<Credential> listCredentials(Project project) {
        String action = "Loading credentials of project " + q(project.name());
        return getList(action, collection(action, project, "credentials").trailingSlash().build(),
                ListReader.Kind.CREDENTIALS);
    }

    // ---------------------------------------------------------------- mutations

    @Override
    public MutationResult deleteKey(Project project, String keyName, DerivedJwkPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        String action = "Deleting key " + q(keyName) + " in project " + q(project.name());
        HttpUrl url = collection(action, project, "keys").name(keyName).trailingSlash()
                .query("jwkDeleteAction", policy == DerivedJwkPolicy.DELETE ? "DELETE" : "NULLIFY").build();
        return mutate(action, url, Request.Builder::delete);
    }

    @Override
    public MutationResult updateJwk(Project project, String jwkName, JwkUpdate update) {
        String action = "Updating JWK " + q(jwkName) + " in project " + q(project.name());
        HttpUrl url = collection(action, project, "jwks").name(jwkName).trailingSlash().build();
        String body;
        try {
            body = json.writeValueAsString(new Wire.JwkUpdateDto(update.name(), update.description()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a JWK update", e);
        }
        return mutate(action, url, b -> b.put(RequestBody.create(body, JSON)));
    }

    @Override
    public MutationResult deleteJwk(Project project, String jwkName) {
        String action = "Deleting JWK " + q(jwkName) + " in project " + q(project.name());
        HttpUrl url = collection(action, project, "jwks").name(jwkName).trailingSlash().build();
        return mutate(action, url, Request.Builder::delete);
    }

    @Override
    public MutationResult setCredentialJwk(Project project, String username, CredentialSlot slot, String jwkName) {
        String action = "Setting the " + slot.label() + " JWK of credential " + q(username) + " to " + q(jwkName);
        HttpUrl url = slot(action, project, username, slot).name(jwkName).trailingSlash().build();
        return mutate(action, url, b -> b.put(RequestBody.create(new byte[0], null)));
    }

    @Override
    public MutationResult removeCredentialJwk(Project project, String username, CredentialSlot slot) {
        String action = "Removing the " + slot.label() + " JWK of credential " + q(username);
        HttpUrl url = slot(action, project, username, slot).trailingSlash().build();
        return mutate(action, url, Request.Builder::delete);
    }

    @Override
    public String describe() {
        return "Apinizer " + apiBase.newBuilder().encodedPath("/").build();
    }

    @Override
    public String toString() {
        return "ApinizerClient[" + apiBase + "]"; // never the token
    }

    // ---------------------------------------------------------------- plumbing

    private PathBuilder path(String action) {
        return PathBuilder.under(apiBase, action);
    }

    /** {@code .../projects/{projectName}/{collection}}, without the trailing slash. */
    private PathBuilder collection(String action, Project project, String collection) {
        return path(action).fixed("projects").name(project.name()).fixed(collection);
    }

    /** {@code .../credentials/{username}/jwk/{slot}} without the trailing slash. */
    private PathBuilder slot(String action, Project project, String username, CredentialSlot slot) {
        return collection(action, project, "credentials").name(username).fixed("jwk").fixed(slotSegment(slot));
    }

    /** The slot's segment in {@code .../credentials/{username}/jwk/{segment}/}. */
    static String slotSegment(CredentialSlot slot) {
        return switch (slot) {
            case VALIDATION -> "validation";
            case ENCRYPTION -> "encryption";
        };
    }

    private Request.Builder authorized(HttpUrl url, Secret token) {
        return new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .header("User-Agent", HttpTransport.USER_AGENT);
    }

    /**
     * What must never be quoted back: the token in use and, when signing in with one, the password
     * (with the Base64 of username:password a Basic header would carry).
     */
    private Redactor redactor(Secret token) {
        return settings.authentication() instanceof Authentication.UsernamePassword up
                ? Redactor.of(token.reveal()).withLogin(up.username(), up.password().reveal())
                : Redactor.of(token.reveal());
    }

    /** The published get-one endpoints answer a list envelope holding the single item. */
    private static <M> M single(String action, List<M> found) {
        if (found.isEmpty()) {
            throw new GatewayException(new Failure.NotFound(), 200, null, null,
                    action + " failed: the server answered with an empty result.", null);
        }
        return found.get(0);
    }

    /** What a list answer came to: its envelope, or that its body is not the published shape. */
    private record Listed<T>(ListReader.Envelope<T> envelope, boolean unreadable) { }

    /**
     * GETs a list envelope and reads its {@code resultList} into records as the body streams in, inside
     * the protocol check: the answer is never held whole as text.
     */
    private <T> List<T> getList(String action, HttpUrl url, ListReader.Kind kind) {
        Secret token = token();
        Request request = authorized(url, token).get().build();
        Redactor redactor = redactor(token);
        HttpTransport.Streamed<Listed<T>> streamed = transport.read(action, request, (body, charset) -> {
            try {
                return new Listed<>(ListReader.<T>read(kind, json.getFactory(), body, charset), false);
            } catch (ListReader.Unreadable e) {
                // What a failure quotes comes from the body's first bytes: read enough of them.
                body.readNBytes(HttpTransport.ERROR_BODY_PREFIX);
                return new Listed<>(null, true);
            }
        });
        HttpAnswer answer = streamed.answer();
        if (!answer.isSuccessful()) {
            if (answer.status() == 401 && settings.authentication() instanceof Authentication.UsernamePassword) {
                forgetToken();
            }
            throw errors.fromAnswer(action, answer, redactor);
        }
        Listed<T> listed = streamed.value();
        if (listed.unreadable()) {
            throw HttpFailures.unreadable(action, answer, redactor, null);
        }
        if (listed.envelope().reportsFailure()) {
            throw errors.reportedFailure(action, 200, listed.envelope().rest(), redactor);
        }
        return listed.envelope().rows();
    }

    private MutationResult mutate(String action, HttpUrl url, UnaryOperator<Request.Builder> method) {
        Secret token = token();
        Redactor redactor = redactor(token);
        Request request = method.apply(authorized(url, token)).build();
        // A 2xx says the server did it, even when the body that would say more cannot be read.
        return execute(action, request, redactor, UNREADABLE_CHANGE, body -> {
            if (body.isBlank()) {
                return new MutationResult(true, null); // a bare 200/204 still means it happened
            }
            Wire.MutationDto dto = read(body, Wire.MutationDto.class);
            MutationResult result = WireMapper.mutation(dto, redactor);
            if (!result.success()) {
                throw errors.reportedFailure(action, 200, readTree(body), redactor);
            }
            return result;
        });
    }

    /** @param unreadable what a 2xx with an unreadable body means for the user; null for reads */
    private <T> T execute(String action, Request request, Redactor redactor, String unreadable,
                          Function<String, T> onSuccess) {
        HttpAnswer answer = transport.execute(action, request);
        if (!answer.isSuccessful()) {
            if (answer.status() == 401 && settings.authentication() instanceof Authentication.UsernamePassword) {
                forgetToken();
            }
            throw errors.fromAnswer(action, answer, redactor);
        }
        try {
            return onSuccess.apply(answer.body());
        } catch (BodyException e) {
            throw HttpFailures.unreadable(action, answer, redactor, unreadable);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new BodyException();
            }
            return value;
        } catch (IOException e) {
            throw new BodyException();
        }
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new BodyException();
        }
    }

    private static String q(String name) {
        return "\u201C" + name + "\u201D";
    }

    /** A 2xx body that does not have the promised shape; reported as a protocol failure. */
    private static final class BodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyException() {
            super(null, null, false, false);
        }
    }
}
