package io.keyward.gateway;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which connection addresses Keyward sends credentials to. A pure function of the URL's text: no
 * name is resolved, so a host name that happens to point at this computer is not loopback here.
 */
public final class UrlPolicy {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private UrlPolicy() {
    }

    /**
     * @param url            a connection's base URL
     * @param allowPlainHttp the connection's "Allow unencrypted HTTP"
     * @return null when Keyward may use this address, else the sentence that says why not and what to do
     *         (it quotes the host, never the user info, query or fragment, which may hold a secret)
     */
    public static String check(URI url, boolean allowPlainHttp) {
        if (url == null) {
            return "The address is empty.";
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "The address must start with https:// (or http://).";
        }
        if (url.getRawUserInfo() != null) {
            return "The address contains a user name or password (before “@”). Remove it: Keyward signs in with"
                    + " the connection's own credentials, and an address is shown and saved in plain text.";
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return "The address must name a host, e.g. https://manager.example.com.";
        }
        if (url.getRawQuery() != null) {
            return "The address must not have a query (the part from “?”). Enter the base address only;"
                    + " Keyward adds the paths and parameters itself.";
        }
        if (url.getRawFragment() != null) {
            return "The address must not have a fragment (the part from “#”). Enter the base address only.";
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(host)) {
            return "Plain HTTP to " + host + " would send the token unencrypted. Use https://, or tick"
                    + " “Allow unencrypted HTTP” for this connection.";
        }
        return null;
    }

    /**
     * "localhost" (and names under .localhost, which RFC 6761 keeps on this computer), an IPv4 literal
     * in 127.0.0.0/8, or the IPv6 literal ::1 in any spelling. Never resolves a name.
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        Matcher v4 = IPV4.matcher(h);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(v4.group(1)) == 127;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0 && h.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            try {
                // A literal with only hex digits, ':' and '.' is parsed, never looked up.
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException | SecurityException e) {
                return false;
            }
        }
        return false;
    }
}
