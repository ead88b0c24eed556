package io.keyward.gateway.http;

import io.keyward.gateway.UrlPolicy;
import io.keyward.model.Secret;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy {@link io.keyward.gateway.ProxyChoice#SYSTEM} means: the environment's proxy variables when
 * they are set, else the Java runtime's default selector.
 *
 * <ul>
 *   <li>https:// addresses go through {@code https_proxy} (or {@code HTTPS_PROXY}), http:// ones through
 *       {@code http_proxy} (or {@code HTTP_PROXY}); the lower-case name wins when both are set, as in
 *       curl. One scheme's variable is not used for the other.</li>
 *   <li>A value is {@code http://host:port}, {@code host:port} or {@code socks5://host:port}; a
 *       {@code user:password@} in it (percent-encoded) is the proxy's Basic sign-in, used only when the
 *       proxy asks and never shown.</li>
 *   <li>{@code no_proxy} (or {@code NO_PROXY}) lists hosts that go direct ({@link NoProxy}); this
 *       computer (localhost, 127.0.0.0/8, ::1) always goes direct, as in Go's proxy rules.</li>
 *   <li>When the scheme's variable is not set, the runtime's default selector decides (the
 *       {@code https.proxyHost} system properties, or the OS settings under
 *       {@code java.net.useSystemProxies}).</li>
 * </ul>
 */
final class SystemProxies {

    private final EnvProxy https;
    private final EnvProxy http;
    private final String httpsUnreadable;
    private final String httpUnreadable;
    private final NoProxy noProxy;

    private SystemProxies(Map<String, String> env) {
        String[] httpsVar = variable(env, "https_proxy", "HTTPS_PROXY");
        String[] httpVar = variable(env, "http_proxy", "HTTP_PROXY");
        EnvProxy s = null;
        EnvProxy p = null;
        String sBad = null;
        String pBad = null;
        if (httpsVar != null) {
            s = EnvProxy.parse(httpsVar[0], httpsVar[1]);
            sBad = s == null ? httpsVar[0] : null;
        }
        if (httpVar != null) {
            p = EnvProxy.parse(httpVar[0], httpVar[1]);
            pBad = p == null ? httpVar[0] : null;
        }
        this.https = s;
        this.http = p;
        this.httpsUnreadable = sBad;
        this.httpUnreadable = pBad;
        String[] no = variable(env, "no_proxy", "NO_PROXY");
        this.noProxy = NoProxy.parse(no == null ? null : no[1]);
    }

    static SystemProxies from(Map<String, String> env) {
        return new SystemProxies(env == null ? Map.of() : env);
    }

    /** {name, value} of the first of the names that is set and not blank, or null. */
    private static String[] variable(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new String[] {name, value.trim()};
            }
        }
        return null;
    }

    /**
     * Why a connection to {@code target} cannot go through the system's proxy: the variable for its
     * scheme is set to something that is not a proxy address (and the target is not exempt). Null
     * when there is no such problem. Names the variable, never its value, which may hold a password.
     */
    String problemFor(URI target) {
        if (target == null || target.getScheme() == null) {
            return null;
        }
        String bad = "https".equalsIgnoreCase(target.getScheme()) ? httpsUnreadable
                : "http".equalsIgnoreCase(target.getScheme()) ? httpUnreadable : null;
        if (bad == null || direct(target)) {
            return null;
        }
        return "The environment variable " + bad + " is not a proxy address (expected http://host:port), so"
                + " Keyward cannot tell which proxy to use. Correct it, or choose a proxy (or none) in the"
                + " connection's settings.";
    }

    /** The proxy the environment names for this scheme, or null when it names none. */
    EnvProxy forScheme(String scheme) {
        if ("https".equalsIgnoreCase(scheme)) {
            return https;
        }
        return "http".equalsIgnoreCase(scheme) ? http : null;
    }

    /** This computer, or a host that {@code NO_PROXY} exempts. */
    boolean direct(URI target) {
        String host = target.getHost();
        int port = target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return host == null || UrlPolicy.isLoopback(host) || noProxy.matches(host, port);
    }

    /** @param fallback the runtime's default selector (may be null): asked when the environment names no proxy */
    ProxySelector selector(ProxySelector fallback) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                EnvProxy p = forScheme(uri.getScheme());
                if (p == null) {
                    List<Proxy> chosen = fallback == null ? null : fallback.select(uri);
                    return chosen == null || chosen.isEmpty() ? List.of(Proxy.NO_PROXY) : chosen;
                }
                return direct(uri) ? List.of(Proxy.NO_PROXY) : List.of(p.proxy());
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                if (fallback != null && forScheme(uri.getScheme()) == null) {
                    fallback.connectFailed(uri, address, e);
                }
            }
        };
    }

    /** The Basic sign-in the environment gives for this proxy address, or null. */
    ProxyCredentials.Basic credentialsFor(InetSocketAddress address) {
        for (EnvProxy p : new EnvProxy[] {https, http}) {
            if (p != null && p.username != null && p.at(address)) {
                return new ProxyCredentials.Basic(p.username, p.password);
            }
        }
        return null;
    }

    /** A proxy from an environment variable. Its sign-in never reaches {@link #toString()}. */
    static final class EnvProxy {
        final String variable;
        final Proxy.Type type;
        final String host;
        final int port;
        final String username;
        final Secret password;

        private EnvProxy(String variable, Proxy.Type type, String host, int port, String username, Secret password) {
            this.variable = variable;
            this.type = type;
            this.host = host;
            this.port = port;
            this.username = username;
            this.password = password;
        }

        /** @return null when the value is not a proxy address */
        static EnvProxy parse(String variable, String value) {
            String v = value.trim();
            String scheme = "http";
            int sep = v.indexOf("://");
            if (sep >= 0) {
                scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
                v = v.substring(sep + 3);
            }
            Proxy.Type type;
            int defaultPort;
            switch (scheme) {
                case "http" -> { type = Proxy.Type.HTTP; defaultPort = 80; }
                // OkHttp cannot speak TLS to a proxy; most "https://" proxy values name a plain HTTP proxy.
                case "https" -> { type = Proxy.Type.HTTP; defaultPort = 443; }
                case "socks", "socks5", "socks5h", "socks4", "socks4a" -> { type = Proxy.Type.SOCKS; defaultPort = 1080; }
                default -> { return null; }
            }
            int at = v.lastIndexOf('@');
            String userInfo = at >= 0 ? v.substring(0, at) : null;
            String hostPort = at >= 0 ? v.substring(at + 1) : v;
            int end = hostPort.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int i = hostPort.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            hostPort = hostPort.substring(0, end);
            String host;
            String portText = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    return null;
                }
                host = hostPort.substring(1, close);
                String rest = hostPort.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        return null;
                    }
                    portText = rest.substring(1);
                }
            } else {
                int colon = hostPort.lastIndexOf(':');
                if (colon >= 0 && hostPort.indexOf(':') != colon) {
                    return null; // an IPv6 address without brackets: its port cannot be told apart
                }
                host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
                portText = colon >= 0 ? hostPort.substring(colon + 1) : null;
            }
            if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '%' || c == '\\')) {
                return null;
            }
            int port = defaultPort;
            if (portText != null) {
                if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                port = Integer.parseInt(portText);
                if (port < 1 || port > 65535) {
                    return null;
                }
            }
            String user = null;
            Secret pass = null;
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                user = percentDecode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
                pass = Secret.of(colon >= 0 ? percentDecode(userInfo.substring(colon + 1)) : "");
                if (user.isEmpty()) {
                    user = null;
                    pass = null;
                }
            }
            return new EnvProxy(variable, type, host.toLowerCase(Locale.ROOT), port, user, pass);
        }

        Proxy proxy() {
            return new Proxy(type, InetSocketAddress.createUnresolved(host, port));
        }

        boolean at(InetSocketAddress address) {
            return address != null && address.getPort() == port && host.equalsIgnoreCase(address.getHostString());
        }

        /** "proxy.corp:3128" */
        String address() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }

        @Override
        public String toString() {
            return variable + "=" + (type == Proxy.Type.SOCKS ? "socks5://" : "http://") + address()
                    + (username == null ? "" : " (with a username and password)");
        }

        /** %XX sequences as UTF-8 bytes; '+' stays '+' (this is a URL's user info, not a form). */
        private static String percentDecode(String s) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '%' && i + 2 < bytes.length
                        && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                    out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                    i += 2;
                } else {
                    out.write(bytes[i]);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
