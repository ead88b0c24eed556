package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link GatewayClient} for Apinizer's Management API ({@code {manager}/apiops/...}).
 *
 * <p>Paths are built segment by segment with {@link HttpUrl.Builder#addPathSegment}, so names with
 * spaces, slashes, '+', '%' or non-ASCII letters are encoded safely, and each endpoint's documented
 * trailing slash is kept exactly. OkHttp's own silent retry is switched off: GETs are retried here
 * on network failures only, and mutations are never retried, because a repeated DELETE or PUT after
 * a lost answer could act twice.
 */
public final class ApinizerClient implements GatewayClient, EnvironmentsApi, KeysApi, JwksApi, CredentialsApi,
        CredentialJwkSlotsApi {

    private static final System.Logger LOG = System.getLogger(ApinizerClient.class.getName());
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String USER_AGENT = "Keyward/0.1";
    private static final Duration TOKEN_EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final ConnectionSettings settings;
    private final HttpUrl apiBase;
    private final OkHttpClient http;
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
        this.http = base.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false)
                // Shorter than common server idle timeouts (the JDK server's is 30 s), so a pooled
                // connection is rarely stale when a mutation, which is never retried, picks it up.
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
                .followRedirects(false)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        this.errors = new ErrorMapper(json);
    }

    /** The manager URL plus {@code /apiops}; a URL the user already ended in /apiops is accepted too. */
    static HttpUrl apiBase(String managerUrl) {
        HttpUrl url = HttpUrl.parse(managerUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + managerUrl);
        }
        HttpUrl.Builder b = url.newBuilder().query(null).fragment(null);
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
        HttpUrl url = apiBase.newBuilder().addPathSegment("auth").addPathSegment("token").build();
        Request request = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", username)
                        .add("client_secret", password.reveal())
                        .build())
                .build();
        String action = "Signing in as \"" + username + "\"";
        Wire.TokenDto dto = execute(action, request, false, null, body -> read(body, Wire.TokenDto.class));
        if (dto.access_token() == null || dto.access_token().isBlank()) {
            throw errors.malformed(action, 200, "application/json", "(no access_token in the answer)", null);
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
        HttpUrl url = apiBase.newBuilder().addPathSegment("projects").addPathSegment("").build();
        return list("Loading projects", url, Wire.ProjectDto.class, WireMapper::project);
    }

    @Override
    public List<Environment> listEnvironments(Project project) {
        // Published without a trailing slash, unlike every other endpoint.
        HttpUrl url = apiBase.newBuilder().addPathSegment("environments").addPathSegment(project.name()).build();
        return list("Loading environments of project " + q(project.name()), url, Wire.EnvironmentDto.class,
                WireMapper::environment);
    }

    @Override
    public List<CryptoKey> listKeys(Project project) {
        return list("Loading keys of project " + q(project.name()), project(project, "keys").build(),
                Wire.KeyDto.class, WireMapper::key);
    }

    @Override
    public CryptoKey getKey(Project project, String keyName) {
        HttpUrl url = project(project, "keys").addPathSegment(keyName).addPathSegment("").build();
        return single("Loading key " + q(keyName) + " in project " + q(project.name()), url, Wire.KeyDto.class,
                WireMapper::key);
    }

    @Override
    public List<Jwk> listJwks(Project project) {
        return list("Loading JWKs of project " + q(project.name()), project(project, "jwks").build(),
                Wire.JwkDto.class, WireMapper::jwk);
    }

    @Override
    public Jwk getJwk(Project project, String jwkName) {
        HttpUrl url = project(project, "jwks").addPathSegment(jwkName).addPathSegment("").build();
        return single("Loading JWK " + q(jwkName) + " in project " + q(project.name()), url, Wire.JwkDto.class,
                WireMapper::jwk);
    }

    @Override
    public List<Credential> listCredentials(Project project) {
        return getList("Loading credentials of project " + q(project.name()), project(project, "credentials").build(),
                items -> {
                    List<Credential> out = new ArrayList<>();
                    for (JsonNode raw : named(items, "username")) {
                        out.add(WireMapper.credential(convert(raw, Wire.CredentialDto.class), raw));
                    }
                    return List.copyOf(out);
                });
    }

    // ---------------------------------------------------------------- mutations

    @Override
    public MutationResult deleteKey(Project project, String keyName, DerivedJwkPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        HttpUrl url = project(project, "keys").addPathSegment(keyName).addPathSegment("")
                .addQueryParameter("jwkDeleteAction", policy == DerivedJwkPolicy.DELETE ? "DELETE" : "NULLIFY").build();
        return mutate("Deleting key " + q(keyName) + " in project " + q(project.name()),
                authorized(url).delete().build());
    }

    @Override
    public MutationResult updateJwk(Project project, String jwkName, JwkUpdate update) {
        HttpUrl url = project(project, "jwks").addPathSegment(jwkName).addPathSegment("").build();
        String body;
        try {
            body = json.writeValueAsString(new Wire.JwkUpdateDto(update.name(), update.description()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a JWK update", e);
        }
        return mutate("Updating JWK " + q(jwkName) + " in project " + q(project.name()),
                authorized(url).put(RequestBody.create(body, JSON)).build());
    }

    @Override
    public MutationResult deleteJwk(Project project, String jwkName) {
        HttpUrl url = project(project, "jwks").addPathSegment(jwkName).addPathSegment("").build();
        return mutate("Deleting JWK " + q(jwkName) + " in project " + q(project.name()), authorized(url).delete().build());
    }

    @Override
    public MutationResult setCredentialJwk(Project project, String username, CredentialSlot slot, String jwkName) {
        HttpUrl url = slot(project, username, slot).addPathSegment(jwkName).addPathSegment("").build();
        return mutate("Setting the " + slot.label() + " JWK of credential " + q(username) + " to " + q(jwkName),
                authorized(url).put(RequestBody.create(new byte[0], null)).build());
    }

    @Override
    public MutationResult removeCredentialJwk(Project project, String username, CredentialSlot slot) {
        HttpUrl url = slot(project, username, slot).addPathSegment("").build();
        return mutate("Removing the " + slot.label() + " JWK of credential " + q(username),
                authorized(url).delete().build());
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

    /** {@code .../projects/{projectName}/{collection}/} with the trailing slash. */
    private HttpUrl.Builder project(Project project, String collection) {
        return collection(project, collection).addPathSegment("");
    }

    private HttpUrl.Builder collection(Project project, String collection) {
        return apiBase.newBuilder().addPathSegment("projects").addPathSegment(project.name()).addPathSegment(collection);
    }

    /** {@code .../credentials/{username}/jwk/{slot}} without the trailing slash. */
    private HttpUrl.Builder slot(Project project, String username, CredentialSlot slot) {
        return collection(project, "credentials")
                .addPathSegment(username).addPathSegment("jwk").addPathSegment(slotSegment(slot));
    }

    /** The slot's segment in {@code .../credentials/{username}/jwk/{segment}/}. */
    static String slotSegment(CredentialSlot slot) {
        return switch (slot) {
            case VALIDATION -> "validation";
            case ENCRYPTION -> "encryption";
        };
    }

    private Request.Builder authorized(HttpUrl url) {
        return new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token().reveal())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private <D, M> List<M> list(String action, HttpUrl url, Class<D> dtoType, Function<D, M> mapper) {
        return getList(action, url, items -> {
            List<M> out = new ArrayList<>();
            for (JsonNode item : named(items, "name")) {
                out.add(mapper.apply(convert(item, dtoType)));
            }
            return List.copyOf(out);
        });
    }

    /** The published get-one endpoints answer a list envelope holding the single item. */
    private <D, M> M single(String action, HttpUrl url, Class<D> dtoType, Function<D, M> mapper) {
        List<M> found = list(action, url, dtoType, mapper);
        if (found.isEmpty()) {
            throw new GatewayException(new Failure.NotFound(), 200, null, null,
                    action + " failed: the server answered with an empty result.", null);
        }
        return found.get(0);
    }

    /** Entries without a name cannot be shown or addressed, so they are skipped, not fatal. */
    private static List<JsonNode> named(JsonNode items, String field) {
        List<JsonNode> out = new ArrayList<>();
        items.forEach(item -> {
            if (item.isObject() && item.hasNonNull(field) && !item.get(field).asText().isBlank()) {
                out.add(item);
            }
        });
        return out;
    }

    /** GETs a list envelope and converts its {@code resultList} inside the protocol check. */
    private <T> T getList(String action, HttpUrl url, Function<JsonNode, T> fromItems) {
        Request request = authorized(url).get().build();
        String secret = token().reveal();
        return execute(action, request, true, secret, body -> {
            Wire.ListEnvelope env = read(body, Wire.ListEnvelope.class);
            if (env.reportsFailure()) {
                throw errors.reportedFailure(action, 200, readTree(body), secret);
            }
            JsonNode list = env.resultList();
            if (list == null || list.isNull()) {
                return fromItems.apply(json.createArrayNode());
            }
            if (!list.isArray()) {
                throw new BodyException();
            }
            return fromItems.apply(list);
        });
    }

    private MutationResult mutate(String action, Request request) {
        Secret token = token();
        return execute(action, request, false, token.reveal(), body -> {
            if (body.isBlank()) {
                return new MutationResult(true, null); // a bare 200/204 still means it happened
            }
            Wire.MutationDto dto = read(body, Wire.MutationDto.class);
            MutationResult result = WireMapper.mutation(dto);
            if (!result.success()) {
                throw errors.reportedFailure(action, 200, readTree(body), token.reveal());
            }
            return result;
        });
    }

    private <T> T execute(String action, Request request, boolean retryOnNetworkFailure, String secret,
                          Function<String, T> onSuccess) {
        int attempts = retryOnNetworkFailure ? 1 + settings.getRetries() : 1;
        String hostAndPort = request.url().host() + ":" + request.url().port();
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try (Response response = http.newCall(request).execute()) {
                ResponseBody rb = response.body();
                String body = rb == null ? "" : rb.string();
                String contentType = response.header("Content-Type");
                LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                        + " -> " + response.code() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                if (!response.isSuccessful()) {
                    if (response.code() == 401 && settings.authentication() instanceof Authentication.UsernamePassword) {
                        forgetToken();
                    }
                    throw errors.fromResponse(action, response.code(), contentType, body,
                            response.header("Retry-After"), secret);
                }
                try {
                    return onSuccess.apply(body);
                } catch (BodyException e) {
                    throw errors.malformed(action, response.code(), contentType, body, secret);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                        + " failed: " + e.getClass().getSimpleName());
                if (attempt >= attempts) {
                    throw errors.fromIOException(action, hostAndPort, e);
                }
                sleepBeforeRetry(attempt);
            }
        }
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 150L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(new Failure.Network(Failure.NetworkProblem.OTHER), 0, null, null,
                    "Cancelled.", e);
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

    private <D> D convert(JsonNode node, Class<D> type) {
        try {
            return json.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
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
