package io.keyward.gateway.http;

import io.keyward.model.Secret;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Answers a proxy's 407 with the connection's Basic proxy sign-in, once. A proxy that answers 407
 * again did not accept it, and the call ends there (OkHttp would otherwise ask up to 21 times, each
 * time sending the password). Nothing is sent before the proxy asks (OkHttp's "preemptive" challenge
 * is declined), nor to a proxy that did not offer Basic.
 */
final class ProxyCredentials implements Authenticator {

    /** OkHttp's stand-in challenge before a CONNECT, to let an authenticator send credentials unasked. */
    private static final String PREEMPTIVE = "OkHttp-Preemptive";

    private final Function<InetSocketAddress, Basic> lookup;
    private final AttemptNotes notes;

    /** @param lookup the sign-in for a proxy address, or null when there is none */
    ProxyCredentials(Function<InetSocketAddress, Basic> lookup, AttemptNotes notes) {
        this.lookup = lookup;
        this.notes = notes;
    }

    @Override
    public Request authenticate(Route route, Response response) {
        if (response.code() != 407) {
            return null;
        }
        List<Challenge> challenges = response.challenges();
        if (challenges.stream().anyMatch(c -> PREEMPTIVE.equalsIgnoreCase(c.scheme()))) {
            return null;
        }
        InetSocketAddress address = route == null ? null : address(route.proxy());
        Basic basic = address == null ? null : lookup.apply(address);
        boolean alreadySent = response.request().header("Proxy-Authorization") != null;
        AttemptNotes.ProxyChallenge challenge = new AttemptNotes.ProxyChallenge(
                address == null ? null : describe(address), alreadySent, basic != null,
                challenges.stream().map(Challenge::scheme).toList());
        notes.get().proxyChallenge = challenge;
        if (alreadySent || basic == null || !challenge.offersBasic()) {
            return null;
        }
        String credential = Credentials.basic(basic.username(),
                basic.password() == null ? "" : basic.password().reveal(), StandardCharsets.UTF_8);
        return response.request().newBuilder().header("Proxy-Authorization", credential).build();
    }

    private static InetSocketAddress address(Proxy proxy) {
        SocketAddress a = proxy == null ? null : proxy.address();
        return a instanceof InetSocketAddress i ? i : null;
    }

    /** "proxy.corp:3128", "[fd00::1]:3128" */
    static String describe(InetSocketAddress address) {
        String host = address.getHostString().toLowerCase(Locale.ROOT);
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** A proxy's Basic sign-in; neither part reaches {@link #toString()}. */
    record Basic(String username, Secret password) {
        @Override
        public String toString() {
            return "Basic[****]";
        }
    }
}
