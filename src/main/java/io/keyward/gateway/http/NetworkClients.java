package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.NetworkSettings;
import io.keyward.gateway.ProxyChoice;
import io.keyward.model.Secret;
import okhttp3.OkHttpClient;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Puts a connection's {@link NetworkSettings} into its OkHttp client: whom it trusts, the client
 * certificate it shows, the proxy and the proxy's sign-in.
 *
 * <p>Trust is the Java runtime's default trust store plus the connection's extra CAs (plus the OS
 * store when asked), all in one key store judged by the runtime's PKIX trust manager, so a chain may
 * run through an extra CA and a default one. Verification is never relaxed: an extra CA adds a trust
 * anchor, and the host name is still checked by OkHttp's own verifier. The trust manager, key manager
 * and host name verifier are wrapped only to take {@link AttemptNotes}: they decide nothing.
 */
final class NetworkClients {

    private NetworkClients() {
    }

    /** A setting that stops every call, with the sentence that says which and why (never a password). */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Failure.Setting setting;

        Unusable(Failure.Setting setting, String sentence, Throwable cause) {
            super(sentence, cause);
            this.setting = setting;
        }
    }

    /**
     * Configures {@code builder} for {@code network}.
     *
     * @param target          the connection's base URL (a proxy variable that would not be used for it is
     *                        not a problem)
     * @param env             the environment's variables ({@code System.getenv()} outside tests)
     * @param okHttpVerifier  OkHttp's default host name verifier, which keeps deciding
     * @throws Unusable when a setting cannot be used (a CA that is not a certificate, a PKCS#12 that
     *                  cannot be opened, an OS store that is not there, a proxy variable that is not an address)
     */
    static void apply(OkHttpClient.Builder builder, URI target, NetworkSettings network, Map<String, String> env,
                      HostnameVerifier okHttpVerifier, AttemptNotes notes) throws Unusable {
        Objects.requireNonNull(network, "network");
        RecordingTrustManager trust = new RecordingTrustManager(trustManager(network), notes);
        RecordingKeyManager keys = new RecordingKeyManager(keyManager(network), notes);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(new KeyManager[] {keys}, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(tls.getSocketFactory(), trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no usable TLS", e);
        }
        builder.hostnameVerifier(recording(okHttpVerifier, notes));

        Function<InetSocketAddress, ProxyCredentials.Basic> credentials;
        ProxyChoice proxy = network.proxy();
        if (proxy instanceof ProxyChoice.Manual manual) {
            builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(manual.host(), manual.port())));
            ProxyCredentials.Basic basic = manual.hasCredentials()
                    ? new ProxyCredentials.Basic(manual.username(), manual.password()) : null;
            credentials = address -> basic;
        } else if (proxy instanceof ProxyChoice.Direct) {
            builder.proxy(Proxy.NO_PROXY);
            credentials = address -> null;
        } else {
            SystemProxies system = SystemProxies.from(env);
            String problem = system.problemFor(target);
            if (problem != null) {
                throw new Unusable(Failure.Setting.PROXY, problem, null);
            }
            builder.proxySelector(system.selector(ProxySelector.getDefault()));
            credentials = system::credentialsFor;
        }
        builder.proxyAuthenticator(new ProxyCredentials(credentials, notes));
    }

    // ---------------------------------------------------------------- trust

    static X509ExtendedTrustManager trustManager(NetworkSettings network) throws Unusable {
        List<X509Certificate> extra = new ArrayList<>();
        List<String> pems = network.caCertificatesPem();
        for (int i = 0; i < pems.size(); i++) {
            extra.addAll(certificates(pems.get(i), i + 1, pems.size()));
        }
        if (network.useOsTrustStore()) {
            extra.addAll(osCertificates());
        }
        if (extra.isEmpty()) {
            return pkix(null);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : DefaultTrust.ISSUERS) {
                store.setCertificateEntry("default-" + n++, ca);
            }
            for (X509Certificate ca : extra) {
                store.setCertificateEntry("connection-" + n++, ca);
            }
            return pkix(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory key store could not be made", e);
        }
    }

    /** The runtime's PKIX trust manager over {@code store} (null: the runtime's default trust store). */
    private static X509ExtendedTrustManager pkix(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the PKIX trust manager factory made no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no PKIX trust manager", e);
        }
    }

    /** The runtime's default trusted CAs, read once. */
    private static final class DefaultTrust {
        static final List<X509Certificate> ISSUERS = List.of(pkix(null).getAcceptedIssuers());
    }

    /**
     * The certificates in one trusted-CA entry.
     *
     * @param number its place in the list, from 1, for the message
     */
    static List<X509Certificate> certificates(String pem, int number, int of) throws Unusable {
        String which = of == 1 ? "The trusted CA of this connection" : "Trusted CA " + number + " of this connection";
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new Unusable(Failure.Setting.TRUSTED_CA, which + " is not a PEM certificate (text that starts"
                    + " with -----BEGIN CERTIFICATE-----).", null);
        }
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            if (out.isEmpty()) {
                throw new CertificateException("no certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw new Unusable(Failure.Setting.TRUSTED_CA, which + " cannot be read as a certificate; paste the"
                    + " whole PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.", e);
        }
    }

    private static List<X509Certificate> osCertificates() throws Unusable {
        String reason = NetworkSettings.osTrustStoreUnavailableReason();
        if (reason != null) {
            throw new Unusable(Failure.Setting.OS_TRUST_STORE, reason, null);
        }
        String type = NetworkSettings.osTrustStoreType(System.getProperty("os.name"));
        try {
            KeyStore os = KeyStore.getInstance(type);
            os.load(null, null);
            List<X509Certificate> out = new ArrayList<>();
            for (String alias : Collections.list(os.aliases())) {
                if (os.getCertificate(alias) instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            return out;
        } catch (GeneralSecurityException | IOException e) {
            throw new Unusable(Failure.Setting.OS_TRUST_STORE, "The operating system's certificate store could"
                    + " not be read (" + e.getClass().getSimpleName() + "); untick “Trust the system's"
                    + " certificates” or add your company's CA to the connection's trusted CAs.", e);
        }
    }

    // ---------------------------------------------------------------- client certificate

    /** The PKCS#12 file's key manager, or null when the connection has no client certificate. */
    static X509ExtendedKeyManager keyManager(NetworkSettings network) throws Unusable {
        Path file = network.clientCertificate();
        if (file == null) {
            return null;
        }
        Secret secret = network.clientCertificatePassword();
        char[] password = secret == null ? new char[0] : secret.reveal().toCharArray();
        String named = "The client certificate file “" + file + "”";
        try {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_FILE, named + " does not exist.", null);
            } catch (AccessDeniedException e) {
                throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_FILE, named + " cannot be read: access is"
                        + " denied.", null);
            } catch (IOException e) {
                throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_FILE, named + " cannot be read ("
                        + e.getClass().getSimpleName() + ").", null);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(new ByteArrayInputStream(bytes), password);
            } catch (IOException e) {
                if (causedBy(e, UnrecoverableKeyException.class)) {
                    throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_PASSWORD, "The password of " + lower(named)
                            + " is wrong.", null);
                }
                throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_FILE, named + " is not a PKCS#12 file"
                        + " (.p12 or .pfx) Keyward can read.", null);
            } catch (CertificateException e) {
                throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_FILE, named + " holds a certificate"
                        + " Keyward cannot read.", null);
            }
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias) && store.getCertificateChain(alias) != null;
            }
            if (!hasKey) {
                throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_FILE, named + " holds no private key with"
                        + " its certificate; export the client certificate together with its key.", null);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            try {
                factory.init(store, password);
            } catch (UnrecoverableKeyException e) {
                throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_PASSWORD, "The private key in " + lower(named)
                        + " has another password than the file; Keyward needs both to be the same.", null);
            }
            for (KeyManager km : factory.getKeyManagers()) {
                if (km instanceof X509ExtendedKeyManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the key manager factory made no X.509 key manager");
        } catch (GeneralSecurityException e) {
            // The causes' messages come from the JDK and never hold the password; they stay out of the sentence.
            throw new Unusable(Failure.Setting.CLIENT_CERTIFICATE_FILE, named + " cannot be used ("
                    + e.getClass().getSimpleName() + ").", null);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String lower(String sentenceStart) {
        return Character.toLowerCase(sentenceStart.charAt(0)) + sentenceStart.substring(1);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- recording wrappers

    private static HostnameVerifier recording(HostnameVerifier okHttp, AttemptNotes notes) {
        Objects.requireNonNull(okHttp, "okHttpVerifier");
        return (host, session) -> {
            AttemptNotes.Notes n = notes.get();
            n.handshakeDone = true;
            boolean verified = okHttp.verify(host, session);
            if (!verified) {
                try {
                    n.unverifiedChain = x509(session.getPeerCertificates());
                } catch (SSLPeerUnverifiedException e) {
                    n.unverifiedChain = null;
                }
            }
            return verified;
        };
    }

    private static X509Certificate[] x509(Certificate[] certs) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out.toArray(new X509Certificate[0]);
    }

    /** Notes the server's chain and the verdict; the verdict is the delegate's. */
    static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private final AttemptNotes notes;

        RecordingTrustManager(X509ExtendedTrustManager delegate, AttemptNotes notes) {
            this.delegate = delegate;
            this.notes = notes;
        }

        private interface Check {
            void run() throws CertificateException;
        }

        private void judge(X509Certificate[] chain, Check check) throws CertificateException {
            AttemptNotes.Notes n = notes.get();
            n.serverChain = chain == null ? null : chain.clone();
            n.trustFailure = null;
            try {
                check.run();
            } catch (CertificateException e) {
                n.trustFailure = e;
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            judge(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            judge(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            judge(chain, () -> delegate.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /**
     * Notes that the server asked for a client certificate and which one was offered. Without a
     * client certificate ({@code delegate} null) it offers none, as the runtime's default does.
     */
    static final class RecordingKeyManager extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;
        private final AttemptNotes notes;

        RecordingKeyManager(X509ExtendedKeyManager delegate, AttemptNotes notes) {
            this.delegate = delegate;
            this.notes = notes;
        }

        private String offered(String alias) {
            AttemptNotes.Notes n = notes.get();
            n.clientCertificateAsked = true;
            if (alias != null && n.clientCertificateSent == null) {
                X509Certificate[] chain = delegate.getCertificateChain(alias);
                n.clientCertificateSent = chain == null || chain.length == 0 ? alias
                        : chain[0].getSubjectX500Principal().getName();
            }
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return offered(delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket));
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return offered(delegate == null ? null : delegate.chooseEngineClientAlias(keyType, issuers, engine));
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate == null ? null : delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate == null ? null : delegate.getPrivateKey(alias);
        }
    }
}
