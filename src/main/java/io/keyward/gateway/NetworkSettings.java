package io.keyward.gateway;

import io.keyward.model.Secret;

import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one connection reaches its server: whom it trusts beyond the Java runtime's CAs, which client
 * certificate it shows, which proxy it goes through, and whether plain HTTP to another computer is
 * allowed. Nothing here can switch TLS verification off: extra CAs are trusted in addition to the
 * runtime's, and the server's host name is always checked.
 *
 * @param caCertificatesPem         extra CA certificates (PEM text, one certificate each) this connection
 *                                  trusts in addition to the Java runtime's default trust store
 * @param useOsTrustStore           also trust the operating system's store (Windows: {@code Windows-ROOT},
 *                                  the machine's and user's trusted roots; macOS: {@code KeychainStore}, which on
 *                                  Java 17 holds the user's login keychain, not the System keychain); see
 *                                  {@link #osTrustStoreUnavailableReason()}
 * @param clientCertificate         a PKCS#12 file (.p12/.pfx) with the key and certificate for mutual TLS;
 *                                  null for none
 * @param clientCertificatePassword the PKCS#12 file's password; null is an empty one
 * @param proxy                     {@link ProxyChoice#SYSTEM} when null
 * @param allowPlainHttp            whether an http:// address to a host other than this computer is allowed
 *                                  (see {@link UrlPolicy})
 */
public record NetworkSettings(List<String> caCertificatesPem, boolean useOsTrustStore, Path clientCertificate,
                             Secret clientCertificatePassword, ProxyChoice proxy, boolean allowPlainHttp) {

    /** The runtime's CAs only, no client certificate, the system's proxy, HTTPS only (except to this computer). */
    public static final NetworkSettings DEFAULTS = new NetworkSettings(List.of(), false, null, null,
            ProxyChoice.SYSTEM, false);

    public NetworkSettings {
        caCertificatesPem = caCertificatesPem == null ? List.of() : List.copyOf(caCertificatesPem);
        if (clientCertificate == null) {
            clientCertificatePassword = null;
        }
        proxy = proxy == null ? ProxyChoice.SYSTEM : proxy;
    }

    public NetworkSettings withCaCertificates(List<String> pems) {
        return new NetworkSettings(pems, useOsTrustStore, clientCertificate, clientCertificatePassword, proxy,
                allowPlainHttp);
    }

    /** These settings plus one more trusted CA (e.g. the one a {@link Failure.Tls} named), unless already there. */
    public NetworkSettings trustingAlso(String pem) {
        Objects.requireNonNull(pem, "pem");
        if (caCertificatesPem.stream().anyMatch(p -> p.strip().equals(pem.strip()))) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(caCertificatesPem);
        more.add(pem);
        return withCaCertificates(more);
    }

    public NetworkSettings withOsTrustStore(boolean use) {
        return new NetworkSettings(caCertificatesPem, use, clientCertificate, clientCertificatePassword, proxy,
                allowPlainHttp);
    }

    /** @param file null for no client certificate */
    public NetworkSettings withClientCertificate(Path file, Secret password) {
        return new NetworkSettings(caCertificatesPem, useOsTrustStore, file, password, proxy, allowPlainHttp);
    }

    public NetworkSettings withProxy(ProxyChoice choice) {
        return new NetworkSettings(caCertificatesPem, useOsTrustStore, clientCertificate, clientCertificatePassword,
                choice, allowPlainHttp);
    }

    public NetworkSettings withPlainHttp(boolean allowed) {
        return new NetworkSettings(caCertificatesPem, useOsTrustStore, clientCertificate, clientCertificatePassword,
                proxy, allowed);
    }

    /** Without the certificates' text, which is long and says nothing at a glance. */
    @Override
    public String toString() {
        return "NetworkSettings[" + caCertificatesPem.size() + " extra CA(s), osTrustStore=" + useOsTrustStore
                + ", clientCertificate=" + clientCertificate + ", proxy=" + proxy + ", allowPlainHttp=" + allowPlainHttp
                + "]";
    }

    /**
     * Why {@link #useOsTrustStore()} cannot be offered on this computer, in a sentence for the UI; null
     * when it can (Windows and macOS with the runtime's store provider present).
     */
    public static String osTrustStoreUnavailableReason() {
        return osTrustStoreUnavailableReason(System.getProperty("os.name", ""));
    }

    static String osTrustStoreUnavailableReason(String osName) {
        String type = osTrustStoreType(osName);
        if (type == null) {
            return "Only Windows and macOS have a certificate store Keyward can read; on " + osName.trim()
                    + ", add your company's CA to the connection's trusted CAs instead.";
        }
        if (Security.getProviders("KeyStore." + type) == null) {
            return "This Java runtime cannot read the " + osLabel(type) + " certificate store (it lacks the "
                    + type + " key store); add your company's CA to the connection's trusted CAs instead.";
        }
        return null;
    }

    /**
     * The {@code KeyStore} type of the operating system's trusted roots on {@code osName}, or null where
     * there is none the Java runtime can read.
     */
    public static String osTrustStoreType(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "Windows-ROOT";
        }
        if (os.startsWith("mac")) {
            return "KeychainStore";
        }
        return null;
    }

    static String osLabel(String type) {
        return "Windows-ROOT".equals(type) ? "Windows" : "macOS";
    }
}
