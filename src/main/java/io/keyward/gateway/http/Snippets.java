package io.keyward.gateway.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns server text into something safe and short enough to quote in one line of the UI. */
public final class Snippets {

    /** The longest excerpt of a non-JSON body that is quoted. */
    public static final int SNIPPET_LENGTH = 120;
    /** The longest single piece of problem text (detail, remedy, ...) that is kept. */
    public static final int TEXT_LENGTH = 500;

    private static final int SCAN_LIMIT = 20_000;
    private static final Pattern TAGS = Pattern.compile("<(script|style)[^>]*>.*?</\\1>|<[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private Snippets() {
    }

    /**
     * A short, single-line, tag-free excerpt of a body that is not the API's JSON (an HTML error page
     * puts its title first), with control characters, secrets and PEM blocks removed.
     */
    public static String of(String body, Redactor redactor) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        // A body that parses as JSON (just not the expected JSON) tells which of its values are secrets.
        redactor = redactor.withValuesInJson(body);
        // Scrubbed before and after the markup goes: a secret may sit in a <script> that is dropped
        // (harmless) or be split from its surroundings by tags (caught by the second pass).
        String s = redactor.scrub(body.length() > SCAN_LIMIT ? body.substring(0, SCAN_LIMIT) : body);
        String title = null;
        Matcher m = TITLE.matcher(s);
        if (m.find()) {
            title = m.group(1);
        }
        s = TAGS.matcher(s).replaceAll(" ");
        if (title != null && !s.contains(title.trim())) {
            s = title + " " + s;
        }
        return cut(redactor.scrub(oneLine(s)), SNIPPET_LENGTH);
    }

    /** Server text (a problem's detail, a remedy) on one line, scrubbed and capped; null stays null. */
    public static String text(String value, Redactor redactor) {
        if (value == null) {
            return null;
        }
        String s = redactor.scrub(value.length() > SCAN_LIMIT ? value.substring(0, SCAN_LIMIT) : value);
        s = redactor.scrub(oneLine(s));
        return s.isEmpty() ? null : cut(s, TEXT_LENGTH);
    }

    private static String oneLine(String s) {
        return SPACE.matcher(CONTROL.matcher(s).replaceAll("")).replaceAll(" ").trim();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1).trim() + "\u2026" : s;
    }
}
