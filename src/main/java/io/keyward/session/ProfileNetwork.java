package io.keyward.session;

import io.keyward.model.Secret;

import java.util.List;

/**
 * How a connection is reached: the CAs it trusts besides the JDK's, whether the OS's trust store counts
 * too, a client certificate (PKCS#12) for managers that ask for one, the proxy, and whether plain HTTP
 * to another host is allowed. The two passwords live in memory (and the keychain), never in a file:
 * the profile store writes every other field.
 *
 * @param caCertificatesPem each one certificate, PEM
 * @param clientCertificate a PKCS#12 file's path, or "" for none
 * @param proxyPort         0 when not set
 */
public record ProfileNetwork(List<String> caCertificatesPem, boolean useOsTrustStore, String clientCertificate,
                             Secret clientCertificatePassword, Proxy proxy, String proxyHost, int proxyPort,
                             String proxyUsername, Secret proxyPassword, boolean allowPlainHttp) {

    /** SYSTEM: the system's proxy and HTTPS_PROXY/HTTP_PROXY/NO_PROXY; NONE: direct; MANUAL: the host and port given. */
    public enum Proxy { SYSTEM, NONE, MANUAL }

    public static final ProfileNetwork DEFAULTS = new ProfileNetwork(List.of(), false, "", null, Proxy.SYSTEM, "", 0,
            "", null, false);

    public ProfileNetwork {
        caCertificatesPem = caCertificatesPem == null ? List.of() : List.copyOf(caCertificatesPem);
        clientCertificate = clientCertificate == null ? "" : clientCertificate;
        clientCertificatePassword = clientCertificatePassword == null ? Secret.of("") : clientCertificatePassword;
        proxy = proxy == null ? Proxy.SYSTEM : proxy;
        proxyHost = proxyHost == null ? "" : proxyHost;
        proxyUsername = proxyUsername == null ? "" : proxyUsername;
        proxyPassword = proxyPassword == null ? Secret.of("") : proxyPassword;
    }

    /** The same settings with the passwords the keychain (or the form) gives. */
    public ProfileNetwork withPasswords(Secret clientCertificate, Secret proxy) {
        return new ProfileNetwork(caCertificatesPem, useOsTrustStore, this.clientCertificate, clientCertificate, this.proxy,
                proxyHost, proxyPort, proxyUsername, proxy, allowPlainHttp);
    }

    /** What the transport needs: the same settings, with the passwords. */
    public io.keyward.gateway.NetworkSettings toNetworkSettings() {
        io.keyward.gateway.ProxyChoice choice = switch (proxy) {
            case SYSTEM -> io.keyward.gateway.ProxyChoice.SYSTEM;
            case NONE -> io.keyward.gateway.ProxyChoice.NONE;
            case MANUAL -> new io.keyward.gateway.ProxyChoice.Manual(proxyHost, proxyPort,
                    proxyUsername.isBlank() ? null : proxyUsername, proxyPassword);
        };
        return new io.keyward.gateway.NetworkSettings(caCertificatesPem, useOsTrustStore,
                clientCertificate.isBlank() ? null : java.nio.file.Path.of(clientCertificate), clientCertificatePassword,
                choice, allowPlainHttp);
    }
}
