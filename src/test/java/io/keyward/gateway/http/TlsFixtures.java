package io.keyward.gateway.http;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.NetworkSettings;
import io.keyward.model.Secret;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Certificates, PKCS#12 files and transports for the TLS and proxy tests. */
final class TlsFixtures {

    static final String TOKEN = "tok-net-5e3f9a1c77";
    static final long DAY = Duration.ofDays(1).toMillis();

    private TlsFixtures() {
    }

    static HeldCertificate ca(String commonName) {
        return new HeldCertificate.Builder().certificateAuthority(1).commonName(commonName).build();
    }

    /** A server certificate for {@code hosts} (the first is its common name), issued by {@code issuer}. */
    static HeldCertificate leaf(HeldCertificate issuer, long notBefore, long notAfter, String... hosts) {
        HeldCertificate.Builder b = new HeldCertificate.Builder().commonName(hosts[0])
                .validityInterval(notBefore, notAfter);
        for (String h : hosts) {
            b.addSubjectAlternativeName(h);
        }
        if (issuer != null) {
            b.signedBy(issuer);
        }
        return b.build();
    }

    static HeldCertificate leaf(HeldCertificate issuer, String... hosts) {
        long now = System.currentTimeMillis();
        return leaf(issuer, now - DAY, now + DAY, hosts);
    }

    /** What a server shows: its certificate, then the certificates above it it chooses to send. */
    static HandshakeCertificates serverSide(HeldCertificate server, X509Certificate... chainAbove) {
        return new HandshakeCertificates.Builder().heldCertificate(server, chainAbove).build();
    }

    /** As {@link #serverSide}, trusting client certificates issued by {@code clientCa}. */
    static HandshakeCertificates serverSideTrustingClients(HeldCertificate server, HeldCertificate clientCa,
                                                           X509Certificate... chainAbove) {
        return new HandshakeCertificates.Builder().heldCertificate(server, chainAbove)
                .addTrustedCertificate(clientCa.certificate()).build();
    }

    /** Writes {@code held}'s key and certificate (and the chain above it) into a PKCS#12 file. */
    static Path pkcs12(Path dir, String name, HeldCertificate held, String password, X509Certificate... above)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        List<Certificate> chain = new ArrayList<>();
        chain.add(held.certificate());
        chain.addAll(List.of(above));
        ks.setKeyEntry("client", held.keyPair().getPrivate(), password.toCharArray(), chain.toArray(new Certificate[0]));
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
        return file;
    }

    static String fingerprint(X509Certificate cert) throws GeneralSecurityException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        StringBuilder sb = new StringBuilder();
        for (byte b : d) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }

    static ConnectionSettings settings(URI base, NetworkSettings network) {
        return ConnectionSettings.of(base, new Authentication.ApiKey(Secret.of(TOKEN)))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withNetwork(network);
    }

    /** A transport that records its retry waits instead of sleeping them. */
    static HttpTransport transport(ConnectionSettings settings, Map<String, String> env, List<Duration> waits) {
        return new HttpTransport(settings, new OkHttpClient(), Clock.systemUTC(), waits::add, () -> 0.5, env);
    }

    static HttpTransport transport(ConnectionSettings settings) {
        return transport(settings, Map.of(), new CopyOnWriteArrayList<>());
    }

    /** The exception's message and every cause's message hold none of {@code secrets}. */
    static void assertNoSecret(GatewayException e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()) + " " + t;
            for (String s : secrets) {
                assertFalse(m.contains(s), "a secret in: " + m);
            }
        }
    }
}
