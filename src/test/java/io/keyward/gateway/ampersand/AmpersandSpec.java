package io.keyward.gateway.ampersand;

/**
 * Bodies copied from the published contract, /work/shared/reference/ampersand/jwt-keys-openapi.yaml
 * (examples and schema examples), so the tests parse what the vendor documents, not what we wish.
 */
final class AmpersandSpec {
    private AmpersandSpec() {
    }

    /** CreateJWTKeyRequest's example PEM (YAML folded: one line per block line, trailing newline). */
    static final String PEM = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4f5wg5l2hKsTeNem/V41
            fGnJm6gOdrj8ym3rFkEjWT2btf2QisEgQG5WQwTfEUvUNR8JW5FQ0mKJ5I4LhXq6
            V5gN6kSKs2cUdD8Ky7Lj7kqn6I3l3r3F2fK9MFjZ8tU5z4z4yHdF6W2C3k5vf3f
            -----END PUBLIC KEY-----
            """;
    /** A line of the PEM's base64 body, to prove it never reaches a message. */
    static final String PEM_BODY_LINE = "fGnJm6gOdrj8ym3rFkEjWT2btf2QisEgQG5WQwTfEUvUNR8JW5FQ0mKJ5I4LhXq6";

    static final String PROJECT = """
            {"id": "proj_9f7c3e2a-61b8-4f5c-8d1a-eb24f3b05d79", "name": "mailmonkey-staging", "appName": "MailMonkey",
             "orgId": "9f7c3e2a-61b8-4f5c-8d1a-eb24f3b05d79", "createTime": "2024-04-22T18:55:28.456076Z",
             "updateTime": "2024-04-22T18:55:28.456076Z",
             "entitlements": {"brandingRemoval": {"value": true}, "logRetentionDays": {"value": 30}}}""";

    /** listJWTKeys 200 example1. */
    static final String KEYS = """
            [{"id": "550e8400-e29b-41d4-a716-446655440000", "projectId": "123e4567-e89b-12d3-a456-426614174000",
              "label": "production-key-1", "algorithm": "RSA",
              "publicKeyPem": "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4f5wg5l2hKsTeNem/V41\\n-----END PUBLIC KEY-----\\n",
              "active": true, "createTime": "2024-01-15T10:30:00Z", "updateTime": "2024-01-15T10:30:00Z"},
             {"id": "550e8400-e29b-41d4-a716-446655440001", "projectId": "123e4567-e89b-12d3-a456-426614174000",
              "label": "development-key-1", "algorithm": "RSA",
              "publicKeyPem": "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA5g6xh6m3iLtUfOqn/W52\\n-----END PUBLIC KEY-----\\n",
              "active": false, "createTime": "2024-01-10T08:15:00Z", "updateTime": "2024-01-12T14:20:00Z"}]""";

    /** getJWTKey 200 example1. */
    static final String KEY = """
            {"id": "550e8400-e29b-41d4-a716-446655440000", "projectId": "123e4567-e89b-12d3-a456-426614174000",
             "label": "production-key-1", "algorithm": "RSA",
             "publicKeyPem": "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4f5wg5l2hKsTeNem/V41\\n-----END PUBLIC KEY-----\\n",
             "active": true, "createTime": "2024-01-15T10:30:00Z", "updateTime": "2024-01-15T10:30:00Z"}""";

    /** updateJWTKey 200 example1. */
    static final String UPDATED = """
            {"id": "550e8400-e29b-41d4-a716-446655440000", "projectId": "123e4567-e89b-12d3-a456-426614174000",
             "label": "updated-key-name", "algorithm": "RSA",
             "publicKeyPem": "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4f5wg5l2hKsTeNem/V41\\n-----END PUBLIC KEY-----\\n",
             "active": false, "createTime": "2024-01-15T10:30:00Z", "updateTime": "2024-01-16T15:45:00Z"}""";

    /** createJWTKey 201 example1. */
    static final String CREATED = "{\"kid\": \"550e8400-e29b-41d4-a716-446655440000\"}";

    /** createJWTKey 400 invalidAlgorithm. */
    static final String INVALID_ALGORITHM = """
            {"type": "https://httpstatuses.com/400", "title": "Bad Request", "status": 400, "detail": "unsupported algorithm",
             "validationIssues": [{"field": "algorithm", "value": "ECDSA", "detail": "only RSA algorithm is supported",
                                   "remedy": "use 'RSA' as the algorithm"}]}""";

    /** createJWTKey 400 invalidPublicKey. */
    static final String INVALID_PUBLIC_KEY = """
            {"type": "https://httpstatuses.com/400", "title": "Bad Request", "status": 400, "detail": "invalid public key",
             "validationIssues": [{"field": "publicKeyPem", "detail": "invalid RSA public key in PEM format",
                                   "remedy": "provide a valid RSA public key in PEM format"}]}""";

    /** createJWTKey 404 projectNotFound. */
    static final String PROJECT_NOT_FOUND = """
            {"type": "https://httpstatuses.com/404", "title": "Not Found", "status": 404, "detail": "project not found",
             "validationIssues": [{"field": "projectId", "detail": "project not found",
                                   "remedy": "check the project ID and try again"}]}""";

    /** getJWTKey / deleteJWTKey 404 keyNotFound. */
    static final String KEY_NOT_FOUND = """
            {"type": "https://httpstatuses.com/404", "title": "Not Found", "status": 404, "detail": "JWT key not found",
             "remedy": "check the key ID and project ID are both correct, and try again"}""";

    /** updateJWTKey 400 invalidMask. */
    static final String INVALID_MASK = """
            {"type": "https://httpstatuses.com/400", "title": "Bad Request", "status": 400, "detail": "Invalid update mask",
             "remedy": "Allowed masks: 'active' and 'name'"}""";

    /** updateJWTKey 422 missingValue. */
    static final String MISSING_VALUE = """
            {"type": "https://httpstatuses.com/422", "title": "Unprocessable Entity", "status": 422,
             "detail": "value not found for mask",
             "validationIssues": [{"field": "jwtKey", "detail": "required field missing for specified mask"}]}""";

    /** InputValidationProblem's schema example. */
    static final String INPUT_VALIDATION = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The input message is incorrect",
             "instance": "123456-1234-1235-4567489798",
             "issues": [{"type": "about:blank", "detail": "exampleNumericProperty should be numeric", "in": "path",
                         "name": "exampleNumericProperty", "value": "abc"},
                        {"type": "about:blank", "title": "Input isn't valid with respect to schema",
                         "detail": "examplePropertyWithPattern a2345678901 doesn't match pattern '^\\\\d{11}$'",
                         "in": "body", "name": "items[0].examplePropertyWithPattern", "value": "a2345678901"}]}""";

    /** ApiProblem's members with their schema examples. */
    static final String SERVER_PROBLEM = """
            {"type": "urn:problem-type:exampleOrganization:exampleProblem", "title": "Internal Server Error",
             "status": 500, "detail": "Description of specific occurrence of the problem",
             "instance": "urn:uuid:123e4567-e89b-12d3-a456-426614174000", "subsystem": "api",
             "time": "2024-04-22T18:55:28.456076Z", "requestId": "89eb1ffb-2a54-4105-aaae-7bf990f1aa69#87715",
             "causes": ["database connection failed", "database query failed", "unable to fetch user"],
             "remedy": "Shorten your input to be under 100 characters", "supportEmail": "support@withampersand.com",
             "supportPhone": "+1-555-555-5555", "supportUrl": "https://withampersand.com/support",
             "retryable": false, "retryAfter": "2024-04-22T18:55:28.456076Z", "context": {"name": "Rick Sanchez"}}""";
}
