package io.keyward.gateway;

import java.util.List;

/**
 * The gateways Keyward can manage. Each kind names how its address is called, what a valid one
 * looks like, and the ways its users sign in; everything else a backend can do is in its
 * {@link GatewayClient#capabilities()}.
 */
public enum BackendKind {
    APINIZER("Apinizer", "Manager URL", "manager URL", "https://apinizer.example.com",
            List.of(SignInMethod.PERSONAL_TOKEN, SignInMethod.USERNAME_PASSWORD)),
    AMPERSAND("Ampersand", "API base URL", "API base URL", "https://api.withampersand.com/v1",
            List.of(SignInMethod.API_KEY));

    private final String displayName;
    private final String urlLabel;
    private final String urlNoun;
    private final String urlExample;
    private final List<SignInMethod> signInMethods;

    BackendKind(String displayName, String urlLabel, String urlNoun, String urlExample,
                List<SignInMethod> signInMethods) {
        this.displayName = displayName;
        this.urlLabel = urlLabel;
        this.urlNoun = urlNoun;
        this.urlExample = urlExample;
        this.signInMethods = signInMethods;
    }

    public String displayName() {
        return displayName;
    }

    /** What the address is called in the connection form. */
    public String urlLabel() {
        return urlLabel;
    }

    /** The address in a sentence: "the manager URL". */
    public String urlNoun() {
        return urlNoun;
    }

    public String urlExample() {
        return urlExample;
    }

    /** The first is the default. */
    public List<SignInMethod> signInMethods() {
        return signInMethods;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
