package io.keyward.sandbox;

import java.util.List;

/** A cryptographic key; each environment entry carries base64 X.509 (public) and PKCS#8 (private) DER. */
record KeyRecord(String id, String projectId, String name, String description, String keyType,
                 List<Environment> environments) {
    record Environment(String environmentName, String publicKey, String privateKey) {
    }

    KeyRecord {
        environments = List.copyOf(environments);
    }
}
