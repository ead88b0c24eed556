package io.keyward.model;

import java.util.Map;
import java.util.Set;

/**
 * What the console keeps of a JWK's key material: the public parameters (RSA n/e, EC crv/x/y,
 * OKP crv/x) and only the <em>names</em> of the private or secret parameters the server sent
 * (RSA d/p/q..., EC and OKP d, OCT k). Private values are dropped at the client boundary, so they
 * cannot reach a log, a screenshot or a {@code toString()}.
 */
public record JwkMaterial(Map<String, String> publicParameters, Set<String> privateParameterNames) {
    public JwkMaterial {
        publicParameters = Map.copyOf(publicParameters == null ? Map.of() : publicParameters);
        privateParameterNames = Set.copyOf(privateParameterNames == null ? Set.of() : privateParameterNames);
    }

    public boolean hasPrivateParameters() {
        return !privateParameterNames.isEmpty();
    }
}
