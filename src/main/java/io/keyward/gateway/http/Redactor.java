package io.keyward.gateway.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must never be quoted back to the user or a log: the connection's secrets (token, API
 * key, password) and PEM blocks. A server may echo a request in its error text; a PEM is noise at
 * best and, if someone pasted the wrong file, a private key at worst.
 */
public final class Redactor {

    public static final String SECRET_MASK = "****";
    public static final String PEM_MASK = "[PEM removed]";

    /** Shorter values are too likely to occur by chance to be replaced everywhere. */
    private static final int MIN_SECRET_LENGTH = 4;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [^-\\r\\n]{1,64}-----.*?(-----END [^-\\r\\n]{1,64}-----|$)", Pattern.DOTALL);

    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Nulls and values shorter than 4 characters are ignored. */
    public static Redactor of(String... secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                kept.add(s);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        kept.sort((a, b) -> b.length() - a.length());
        return new Redactor(List.copyOf(kept));
    }

    /** Still removes PEM blocks. */
    public static Redactor none() {
        return NONE;
    }

    /** The text with every secret replaced by {@code ****} and every PEM block (even a cut-off one) by a marker. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, SECRET_MASK);
        }
        if (s.contains("-----BEGIN ")) {
            s = PEM.matcher(s).replaceAll(Matcher.quoteReplacement(PEM_MASK));
        }
        return s;
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secret(s)]"; // never the values
    }
}
