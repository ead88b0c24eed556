package io.keyward.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must never be quoted back to the user or a log from server text (a failure's
 * sentence, a problem's detail and remedy, a snippet of a proxy's page). A server may echo a request
 * in its error text; a PEM is noise at best and, if someone pasted the wrong file, a private key at
 * worst. Masked, each as {@value #SECRET_MASK}:
 * <ul>
 *   <li>the connection's own secrets (token, API key, password) in every spelling an echo may use:
 *       raw, form-encoded ({@code +} and {@code %20} for a space), percent-encoded (upper- or
 *       lower-case hex), JSON-escaped and HTML-escaped; with {@link #withLogin}, also the Base64 of
 *       {@code user:password} as in a Basic header;</li>
 *   <li>the value of any JSON member with a secret's name ({@link #isSecretName}: containing
 *       {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code apikey},
 *       {@code privatekey}, or {@code authorization}; strings, numbers, objects and arrays) and of the
 *       private JWK members {@code d p q dp dq qi k} (strings; only as member names, never as words),
 *       whether quoted with {@code "}, {@code '}, {@code \"} or an HTML entity;</li>
 *   <li>{@code name=value} pairs with a secret's name, as in a form body or a query string;</li>
 *   <li>XML elements with a secret's name ({@code <password>...</password>});</li>
 *   <li>credentials after {@code Bearer} or {@code Basic}, and anything shaped like a JWT;</li>
 *   <li>a tail that is the start of a secret (the text was cut inside it);</li>
 * </ul>
 * and PEM blocks, even cut-off ones, become {@value #PEM_MASK}. {@link #withValuesIn} adds the values
 * found in a parsed JSON answer under a secret's name (and the {@code value} of a validation issue
 * whose {@code field} names a secret), so they are masked wherever else that answer repeats them.
 *
 * <p>Not masked: a secret of fewer than 4 characters (too likely to occur by chance; a value found in
 * an answer, fewer than 6), a secret-named value in free prose ({@code password is hunter2}) unless it
 * is the connection's own or the same answer holds it under its name, and a private JWK member's
 * number or object.
 */
public final class Redactor {

    public static final String SECRET_MASK = "****";
    public static final String PEM_MASK = "[PEM removed]";

    /** Shorter values are too likely to occur by chance to be replaced everywhere. */
    private static final int MIN_SECRET_LENGTH = 4;
    /** A value found under a secret's name in an answer is replaced elsewhere in it from this length on. */
    private static final int MIN_FOUND_LENGTH = 6;
    private static final int MAX_FOUND_VALUES = 256;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_PARSED_CHARS = 1 << 20;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [^-\\r\\n]{1,64}-----.*?(-----END [^-\\r\\n]{1,64}-----|$)", Pattern.DOTALL);
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-F]{2}");
    /** Three dot-separated Base64url parts, the first two starting as JSON objects do ({"...): a JWT. */
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SCHEME_VALUE = Pattern.compile("(?i)\\s*(?:bearer|basic|token|apikey)\\s+(\\S+)\\s*");
    /** A credential after its scheme: at least 8 characters with a digit, so prose ("Bearer tokens") stays. */
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile(
            "(?i)\\b(bearer|basic)(\\s+)(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{8,}=*");
    /**
     * A quoted member name and its colon: {@code "name":}, {@code 'name':}, {@code \"name\":} (JSON
     * inside a JSON string) or {@code &quot;name&quot;:} (JSON in an HTML page).
     */
    private static final Pattern MEMBER = Pattern.compile(
            "(\\\\\"|\"|'|&quot;|&#34;|&#x22;|&#39;|&#x27;)([A-Za-z_$@][A-Za-z0-9_.$@-]{0,63})\\1\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final String[] QUOTES = {"\\\"", "\"", "'", "&quot;", "&#34;", "&#x22;", "&#39;", "&#x27;"};
    /** {@code name=value} in a form body, a query string or a log line. */
    private static final Pattern PAIR = Pattern.compile(
            "(?<![A-Za-z0-9_.%\\[\\]-])([A-Za-z_][A-Za-z0-9_.%\\[\\]-]{0,63})=([^&\\s\"'<>;,#\\\\]+)");
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "<([A-Za-z_][A-Za-z0-9_.:-]{0,63})(\\s[^<>]*)?>([^<]+)</\\1\\s*>");
    private static final Set<String> JWK_PRIVATE = Set.of("d", "p", "q", "dp", "dq", "qi", "k");
    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "passwd", "apikey",
            "privatekey", "authorization");
    /** Values under a secret's name that say what kind of token it is, not what it is. */
    private static final Set<String> NOT_SECRETS = Set.of("bearer", "basic", "dpop", "mac", "jwt", "refresh_token",
            "access_token", "id_token", "client_credentials", "password");
    /** Where a validation issue names its input, and where it repeats the input's value. */
    private static final List<String> REFERENCES = List.of("field", "name", "pointer", "param", "parameter", "path");
    private static final Set<String> INPUTS = Set.of("value", "rejectedValue", "rejected_value", "input", "actual");
    private static final ObjectMapper EMBEDDED = new ObjectMapper();

    private static final Redactor NONE = new Redactor(List.of(), 0);

    /** Every spelling of every secret, longest first, so a secret that contains another is masked whole. */
    private final List<String> spellings;
    private final int secretCount;

    private Redactor(List<String> spellings, int secretCount) {
        this.spellings = spellings;
        this.secretCount = secretCount;
    }

    /** Nulls and values shorter than 4 characters are ignored. */
    public static Redactor of(String... secrets) {
        return NONE.with(MIN_SECRET_LENGTH, false, secrets);
    }

    /** Still removes PEM blocks and secret-named values. */
    public static Redactor none() {
        return NONE;
    }

    /**
     * This redactor and a login: the password in all its spellings and, with a username, the Base64 of
     * {@code username:password} (standard and URL-safe, with and without padding), as a Basic header
     * or a proxy's echo of one would carry it.
     */
    public Redactor withLogin(String username, String password) {
        Redactor r = with(MIN_SECRET_LENGTH, false, password);
        if (username == null || password == null || password.length() < MIN_SECRET_LENGTH) {
            return r;
        }
        byte[] basic = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        Set<String> more = new LinkedHashSet<>(r.spellings);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            String b64 = encoder.encodeToString(basic);
            more.add(b64);
            more.add(stripPadding(b64));
        }
        return new Redactor(sorted(more), r.secretCount);
    }

    /**
     * This redactor and the values found under secret names in a parsed answer (members named as in
     * {@link #isSecretName}, string values of the private JWK members, and the same inside JSON text
     * held in a string), so that a detail repeating one of them is masked too. Values shorter than 6
     * characters are left to the member-level masking.
     */
    public Redactor withValuesIn(JsonNode node) {
        if (node == null) {
            return this;
        }
        List<String> found = new ArrayList<>();
        collect(node, found, 0);
        return found.isEmpty() ? this : with(MIN_FOUND_LENGTH, true, found.toArray(String[]::new));
    }

    /** As {@link #withValuesIn}, for text that may be JSON (a body that was not the expected JSON). */
    public Redactor withValuesInJson(String text) {
        JsonNode node = parseEmbedded(text);
        return node == null ? this : withValuesIn(node);
    }

    /** @param found values found in an answer, where a word such as "Bearer" is a kind, not a secret */
    private Redactor with(int minLength, boolean found, String... secrets) {
        Set<String> all = new LinkedHashSet<>(spellings);
        int count = secretCount;
        for (String s : secrets) {
            if (s != null && s.length() >= minLength && !(found && NOT_SECRETS.contains(s.toLowerCase(Locale.ROOT)))) {
                if (all.addAll(spellingsOf(s))) {
                    count++;
                }
            }
        }
        return count == secretCount ? this : new Redactor(sorted(all), count);
    }

    /** The text with every secret replaced by {@code ****} and every PEM block (even a cut-off one) by a marker. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (String spelling : spellings) {
            s = s.replace(spelling, SECRET_MASK);
        }
        s = cutOffTail(s);
        s = JWT.matcher(s).replaceAll(SECRET_MASK);
        s = SCHEME_CREDENTIAL.matcher(s).replaceAll("$1$2" + SECRET_MASK);
        s = members(s);
        s = xmlElements(s);
        s = pairs(s);
        if (s.contains("-----BEGIN ")) {
            s = PEM.matcher(s).replaceAll(Matcher.quoteReplacement(PEM_MASK));
        }
        return s;
    }

    /**
     * Whether a member, parameter or element with this name holds a secret: its name, lower-cased
     * without {@code _ - . $ @}, contains {@code token}, {@code secret}, {@code password},
     * {@code passwd}, {@code apikey}, {@code privatekey} or {@code authorization}
     * ({@code access_token}, {@code client_secret}, {@code privateKey}, {@code X-Api-Key}).
     */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String compact = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (String word : SECRET_WORDS) {
            if (compact.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A JWK's private members (RFC 7518 §6.3.2, §6.4.1); a secret only as a member's name. */
    public static boolean isJwkPrivateMember(String name) {
        return name != null && JWK_PRIVATE.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "Redactor[" + secretCount + " secret(s)]"; // never the values
    }

    // ---------------------------------------------------------------- spellings

    /** Raw, form-encoded, percent-encoded, JSON- and HTML-escaped; each distinct one once. */
    static Set<String> spellingsOf(String secret) {
        Set<String> out = new LinkedHashSet<>();
        out.add(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String form20 = form.replace("+", "%20");
        String rfc3986 = form20.replace("*", "%2A").replace("%7E", "~");
        for (String encoded : List.of(form, form20, rfc3986)) {
            out.add(encoded);
            out.add(lowerHex(encoded));
        }
        out.add(json(secret, false));
        out.add(json(secret, true));
        out.add(html(secret));
        return out;
    }

    private static String lowerHex(String s) {
        return PERCENT.matcher(s).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }

    /** As a JSON string's content; {@code asciiOnly} also escapes '/' and non-ASCII (as some servers do). */
    private static String json(String s, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '/' -> sb.append(asciiOnly ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || asciiOnly && c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String stripPadding(String b64) {
        int end = b64.length();
        while (end > 0 && b64.charAt(end - 1) == '=') {
            end--;
        }
        return b64.substring(0, end);
    }

    private static List<String> sorted(Set<String> spellings) {
        List<String> list = new ArrayList<>(spellings);
        list.sort((a, b) -> b.length() - a.length());
        return List.copyOf(list);
    }

    /** A text cut inside a secret (a capped body) ends with its first characters: those go too. */
    private String cutOffTail(String s) {
        for (String spelling : spellings) {
            int longest = Math.min(spelling.length() - 1, s.length());
            for (int n = longest; n >= MIN_SECRET_LENGTH; n--) {
                if (s.regionMatches(s.length() - n, spelling, 0, n)) {
                    return s.substring(0, s.length() - n) + SECRET_MASK;
                }
            }
        }
        return s;
    }

    // ---------------------------------------------------------------- secret-named values in text

    /** {@code "password": "..."} and the like: the value becomes {@code ****}, its quotes stay. */
    private static String members(String s) {
        Matcher m = MEMBER.matcher(s);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < s.length() && m.find(from)) {
            String name = m.group(2);
            boolean secretName = isSecretName(name);
            boolean jwk = !secretName && isJwkPrivateMember(name);
            from = m.end();
            if (!secretName && !jwk) {
                continue;
            }
            int start = m.end();
            int end;
            String quote = quoteAt(s, start);
            if (quote != null) {
                start += quote.length();
                end = closingQuote(s, start, quote);
                from = Math.min(s.length(), end + quote.length());
            } else if (!secretName) {
                continue; // a JWK member's number or object is not key material
            } else if (start < s.length() && (s.charAt(start) == '{' || s.charAt(start) == '[')) {
                end = closingBracket(s, start);
                from = end;
            } else {
                end = start;
                while (end < s.length() && ",;}]\\\"'<&".indexOf(s.charAt(end)) < 0
                        && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                String bare = s.substring(start, end);
                from = end;
                if (bare.equals("null") || bare.equals("true") || bare.equals("false") || bare.equals(SECRET_MASK)) {
                    continue;
                }
            }
            if (end <= start || s.substring(start, end).equals(SECRET_MASK)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, start).append(SECRET_MASK);
            copied = end;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static String quoteAt(String s, int i) {
        for (String q : QUOTES) {
            if (s.regionMatches(true, i, q, 0, q.length())) {
                return q;
            }
        }
        return null;
    }

    /** Where a quoted value ends (its closing quote, honouring escapes), or the text's end if it was cut. */
    private static int closingQuote(String s, int i, String quote) {
        if (quote.equals("\"") || quote.equals("'")) {
            char q = quote.charAt(0);
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == q) {
                    return i;
                } else {
                    i++;
                }
            }
            return s.length();
        }
        if (quote.equals("\\\"")) {
            // JSON inside a JSON string: the value's own quotes and backslashes are escaped twice.
            while (i < s.length()) {
                if (s.startsWith("\\\\", i)) {
                    i += 2;
                } else if (s.startsWith("\\\"", i)) {
                    return i;
                } else {
                    i++;
                }
            }
            return s.length();
        }
        int end = s.toLowerCase(Locale.ROOT).indexOf(quote.toLowerCase(Locale.ROOT), i);
        return end < 0 ? s.length() : end;
    }

    /** The end of an object or array value (after its closing bracket), or the text's end if it was cut. */
    private static int closingBracket(String s, int i) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i = closingQuote(s, i + 1, "\"") + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return s.length();
    }

    private static String xmlElements(String s) {
        if (s.indexOf('<') < 0) {
            return s;
        }
        return XML_ELEMENT.matcher(s).replaceAll(m -> {
            String name = m.group(1);
            String local = name.substring(name.lastIndexOf(':') + 1);
            if (!isSecretName(local) || m.group(3).isBlank()) {
                return Matcher.quoteReplacement(m.group());
            }
            return Matcher.quoteReplacement("<" + name + (m.group(2) == null ? "" : m.group(2)) + ">" + SECRET_MASK
                    + "</" + name + ">");
        });
    }

    private static String pairs(String s) {
        if (s.indexOf('=') < 0) {
            return s;
        }
        return PAIR.matcher(s).replaceAll(m -> Matcher.quoteReplacement(isSecretName(m.group(1))
                ? m.group(1) + "=" + SECRET_MASK : m.group()));
    }

    // ---------------------------------------------------------------- secret-named values in a tree

    private static void collect(JsonNode node, List<String> out, int depth) {
        if (node == null || depth > MAX_DEPTH || out.size() >= MAX_FOUND_VALUES) {
            return;
        }
        if (node.isObject()) {
            // A validation issue about a secret input may repeat the input: {"field": "password", "value": "..."}.
            boolean aboutSecret = false;
            for (String ref : REFERENCES) {
                JsonNode r = node.get(ref);
                aboutSecret |= r != null && r.isTextual() && namesSecret(r.asText());
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (aboutSecret && INPUTS.contains(e.getKey())) {
                    leaves(e.getValue(), out, depth + 1);
                    continue;
                }
                if (isSecretName(e.getKey())) {
                    leaves(e.getValue(), out, depth + 1);
                } else if (isJwkPrivateMember(e.getKey()) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), out, depth + 1);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, out, depth + 1));
        } else if (node.isTextual()) {
            // A server that quotes the request it got may hold it as JSON text in a string.
            collect(parseEmbedded(node.asText()), out, depth + 1);
        }
    }

    /** A field reference ({@code password}, {@code jwk.d}, {@code /key/privateKey}) whose last part is a secret's name. */
    private static boolean namesSecret(String reference) {
        String[] parts = reference.split("[./\\[\\]]");
        String last = parts.length == 0 ? reference : parts[parts.length - 1];
        return isSecretName(last) || isJwkPrivateMember(last);
    }

    private static void leaves(JsonNode node, List<String> out, int depth) {
        if (node == null || depth > MAX_DEPTH || out.size() >= MAX_FOUND_VALUES) {
            return;
        }
        if (node.isContainerNode()) {
            node.forEach(child -> leaves(child, out, depth + 1));
        } else if (node.isTextual() || node.isNumber()) {
            String value = node.asText();
            out.add(value);
            // An Authorization header's value: its credential may be repeated without the scheme.
            Matcher m = SCHEME_VALUE.matcher(value);
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
    }

    private static JsonNode parseEmbedded(String text) {
        if (text == null || text.length() > MAX_PARSED_CHARS) {
            return null;
        }
        String t = text.strip();
        if (t.length() < 2 || !(t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]"))) {
            return null;
        }
        try {
            return EMBEDDED.readTree(t);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
