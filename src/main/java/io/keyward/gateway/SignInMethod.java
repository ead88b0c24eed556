package io.keyward.gateway;

/** How a user proves who they are to a backend. Which ones a backend takes: {@link BackendKind#signInMethods()}. */
public enum SignInMethod {
    PERSONAL_TOKEN("Personal API token", "Personal token"),
    USERNAME_PASSWORD("Username and password", "Password"),
    API_KEY("API key", "API key");

    private final String label;
    private final String secretLabel;

    SignInMethod(String label, String secretLabel) {
        this.label = label;
        this.secretLabel = secretLabel;
    }

    /** The secret field's label in the connection form. */
    public String secretLabel() {
        return secretLabel;
    }

    public boolean needsUsername() {
        return this == USERNAME_PASSWORD;
    }

    @Override
    public String toString() {
        return label;
    }
}
