package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/** POST /apiops/auth/token: the OAuth2 client-credentials exchange of the demo user for a new token. */
final class AuthEndpoints {
    static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final TokenRegistry tokens;
    private final String username;
    private final String password;

    AuthEndpoints(TokenRegistry tokens, String username, String password) {
        this.tokens = tokens;
        this.username = username;
        this.password = password;
    }

    void register(Router<ApiRoute> router) {
        // Published without a trailing slash, unlike the resource endpoints.
        router.add("POST", "/apiops/auth/token", new ApiRoute(ApiRoute.Access.PUBLIC, this::createToken));
    }

    private ObjectNode createToken(ApiRequest request) {
        String contentType = request.headers().getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(FORM_TYPE)) {
            // The published endpoint takes form encoding only; a JSON body is a client bug worth naming.
            throw ApiException.badRequest("Content-Type must be " + FORM_TYPE + ", was "
                    + (contentType == null ? "missing" : contentType));
        }
        Map<String, String> form = HttpIo.parseForm(request.bodyText());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new ApiException(400, "unsupported_grant_type", "GrantType value must be client_credentials!");
        }
        // Both compared in full every time, so the answer time says nothing about which one was wrong.
        boolean userMatches = constantTimeEquals(username, form.get("client_id"));
        boolean passwordMatches = constantTimeEquals(password, form.get("client_secret"));
        if (!(userMatches & passwordMatches)) {
            throw new ApiException(401, "unauthorized_client", "Bad credentials");
        }
        ObjectNode body = Json.object();
        body.put("access_token", tokens.issue());
        body.put("token_type", "Bearer");
        body.put("expires_in", 3600);
        return body;
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
