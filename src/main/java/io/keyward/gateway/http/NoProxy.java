package io.keyward.gateway.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts {@code NO_PROXY} sends straight to the server, read as curl reads it: a comma (or space)
 * separated list where {@code *} alone means every host; {@code example.com}, {@code .example.com} and
 * {@code *.example.com} each mean example.com and every name under it; an entry may end in
 * {@code :port} to apply to that port only; IP addresses match as literals (in any spelling of the same
 * address), and {@code 10.0.0.0/8}-style ranges match IP literals in them. Host names are never
 * resolved, so an IP entry does not match a name that resolves to it.
 */
final class NoProxy {

    static final NoProxy NONE = new NoProxy(false, List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean everything;
    private final List<Entry> entries;

    private NoProxy(boolean everything, List<Entry> entries) {
        this.everything = everything;
        this.entries = entries;
    }

    /** @param value the variable's text; null or blank for none */
    static NoProxy parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        boolean all = false;
        List<Entry> entries = new ArrayList<>();
        for (String raw : value.split("[,\\s]+")) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            if (item.equals("*")) {
                all = true;
                continue;
            }
            Entry e = entry(item);
            if (e != null) {
                entries.add(e);
            }
        }
        return new NoProxy(all, List.copyOf(entries));
    }

    /** @param port the port the connection goes to (the scheme's default when the URL names none) */
    boolean matches(String host, int port) {
        if (everything) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String h = bare(host.toLowerCase(Locale.ROOT));
        InetAddress ip = literal(h);
        for (Entry e : entries) {
            if (e.port >= 0 && e.port != port) {
                continue;
            }
            if (e.network != null) {
                if (ip != null && inRange(ip.getAddress(), e.network.getAddress(), e.prefix)) {
                    return true;
                }
            } else if (e.address != null) {
                if (e.address.equals(ip)) {
                    return true;
                }
            } else if (h.equals(e.name) || h.endsWith("." + e.name)) {
                return true;
            }
        }
        return false;
    }

    /** One entry: a name (suffix), an address, or a range; null when it cannot be read. */
    private static Entry entry(String item) {
        int slash = item.indexOf('/');
        if (slash > 0) {
            InetAddress net = literal(bare(item.substring(0, slash)));
            Integer bits = number(item.substring(slash + 1));
            if (net == null || bits == null || bits > net.getAddress().length * 8) {
                return null;
            }
            return new Entry(null, null, net, bits, -1);
        }
        String host = item;
        int port = -1;
        if (item.startsWith("[")) {
            int close = item.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = item.substring(1, close);
            String rest = item.substring(close + 1);
            if (rest.startsWith(":")) {
                Integer p = number(rest.substring(1));
                if (p == null) {
                    return null;
                }
                port = p;
            }
        } else if (item.indexOf(':') >= 0 && item.indexOf(':') == item.lastIndexOf(':')) {
            Integer p = number(item.substring(item.indexOf(':') + 1));
            if (p == null) {
                return null;
            }
            host = item.substring(0, item.indexOf(':'));
            port = p;
        }
        InetAddress ip = literal(host);
        if (ip != null) {
            return new Entry(null, ip, null, 0, port);
        }
        String name = host;
        if (name.startsWith("*.")) {
            name = name.substring(2);
        } else if (name.startsWith(".")) {
            name = name.substring(1);
        }
        name = bare(name);
        return name.isEmpty() ? null : new Entry(name, null, null, 0, port);
    }

    /** Without brackets around an IPv6 literal and without a trailing dot. */
    private static String bare(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address an IP literal spells, or null for anything else (a name is never looked up). */
    static InetAddress literal(String host) {
        boolean v4 = IPV4.matcher(host).matches();
        boolean v6 = host.indexOf(':') >= 0
                && host.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String octet : host.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int n = Integer.parseInt(text);
        return n > 65535 ? null : n;
    }

    private static boolean inRange(byte[] ip, byte[] net, int bits) {
        if (ip.length != net.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((ip[i / 8] & mask) != (net[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private record Entry(String name, InetAddress address, InetAddress network, int prefix, int port) { }
}
