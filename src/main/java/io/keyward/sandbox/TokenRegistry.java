package io.keyward.sandbox;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The bearer tokens the sandbox accepts and what each may do. */
final class TokenRegistry {
    enum Access { FULL, READ_ONLY }

    /** Tokens issued by POST /apiops/auth/token; the oldest are forgotten so a client loop cannot grow it forever. */
    private static final int MAX_ISSUED = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminToken;
    private final String readOnlyToken;
    private final Set<String> issued = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_ISSUED;
                }
            }));

    TokenRegistry(String adminToken) {
        this.adminToken = adminToken == null ? newToken() : adminToken;
        String readOnly = newToken();
        this.readOnlyToken = readOnly.equals(this.adminToken) ? newToken() : readOnly;
    }

    /** 32 random bytes, base64url without padding: as hard to guess as a real personal access token. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String adminToken() {
        return adminToken;
    }

    String readOnlyToken() {
        return readOnlyToken;
    }

    String issue() {
        String token = newToken();
        issued.add(token);
        return token;
    }

    /** @return the token's access, or null for an unknown token */
    Access accessOf(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (token.equals(adminToken) || issued.contains(token)) {
            return Access.FULL;
        }
        return token.equals(readOnlyToken) ? Access.READ_ONLY : null;
    }
}
