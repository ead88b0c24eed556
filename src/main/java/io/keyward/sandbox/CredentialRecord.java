package io.keyward.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * An API credential. Slots hold JWK ids, not names, so renaming a JWK needs no credential update and
 * the answer always shows the JWK's current name.
 */
record CredentialRecord(String id, String username, String email, String fullName, String description,
                        List<String> roleNameList, boolean enabled, List<String> ipList, Instant expireDate,
                        String validationJwkId, String encryptionJwkId) {
    CredentialRecord {
        roleNameList = List.copyOf(roleNameList);
        ipList = List.copyOf(ipList);
    }

    String jwkId(JwkSlot slot) {
        return slot == JwkSlot.VALIDATION ? validationJwkId : encryptionJwkId;
    }

    CredentialRecord withJwk(JwkSlot slot, String jwkId) {
        return new CredentialRecord(id, username, email, fullName, description, roleNameList, enabled, ipList,
                expireDate, slot == JwkSlot.VALIDATION ? jwkId : validationJwkId,
                slot == JwkSlot.ENCRYPTION ? jwkId : encryptionJwkId);
    }

    boolean holds(String jwkId) {
        return jwkId.equals(validationJwkId) || jwkId.equals(encryptionJwkId);
    }

    CredentialRecord without(String jwkId) {
        return new CredentialRecord(id, username, email, fullName, description, roleNameList, enabled, ipList,
                expireDate, jwkId.equals(validationJwkId) ? null : validationJwkId,
                jwkId.equals(encryptionJwkId) ? null : encryptionJwkId);
    }
}
