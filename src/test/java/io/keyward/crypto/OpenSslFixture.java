package io.keyward.crypto;

/**
 * One RSA public key as OpenSSL 3.0 writes it, for checks against another implementation. Made with
 * {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048}, then {@code openssl pkey
 * -pubout} (SPKI), {@code openssl rsa -RSAPublicKey_out} (PKCS#1) and {@code openssl req -x509}
 * (a self-signed certificate for the same key); the private key was not kept. The thumbprint was
 * computed with Python's {@code cryptography} package and {@code hashlib}, independently of this code.
 */
final class OpenSslFixture {
    static final String SPKI_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4V/qL4q7Z9k6TaurbSBx
            osg7u8ETXAyI4FS7f8gf3I08r4rjXTDuTxQBv7IgM+Vr/p4iv0+NldMqBMew2bEU
            NMTEnr9HYswKV36QvnlAYLeF0GtZwg812QzdveLY4rT6qi+nAHAYsAszmnNfHoZg
            ftLwyjv7YsBfSf1CiltwJ1iRkBIXOlepfW4L2jvgAARh/egSkUeIqdew+3ElYkeZ
            FSXUuq1ETaoW41PkgZN3uRCBFxqICG+WeRtABoClnsyhneKYdFHV7v87UtB32zX0
            65McwJp63wF2/WQpm4A29/QDE0yfYgbL3cNlycKmoqM9SHR1xaMo7/EvcSQ/JSgY
            YwIDAQAB
            -----END PUBLIC KEY-----
            """;

    static final String PKCS1_PEM = """
            -----BEGIN RSA PUBLIC KEY-----
            MIIBCgKCAQEA4V/qL4q7Z9k6TaurbSBxosg7u8ETXAyI4FS7f8gf3I08r4rjXTDu
            TxQBv7IgM+Vr/p4iv0+NldMqBMew2bEUNMTEnr9HYswKV36QvnlAYLeF0GtZwg81
            2QzdveLY4rT6qi+nAHAYsAszmnNfHoZgftLwyjv7YsBfSf1CiltwJ1iRkBIXOlep
            fW4L2jvgAARh/egSkUeIqdew+3ElYkeZFSXUuq1ETaoW41PkgZN3uRCBFxqICG+W
            eRtABoClnsyhneKYdFHV7v87UtB32zX065McwJp63wF2/WQpm4A29/QDE0yfYgbL
            3cNlycKmoqM9SHR1xaMo7/EvcSQ/JSgYYwIDAQAB
            -----END RSA PUBLIC KEY-----
            """;

    static final String CERTIFICATE_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIDHzCCAgegAwIBAgIUDVQackrIu2msVQVS76b7yuwPgQcwDQYJKoZIhvcNAQEL
            BQAwHzEdMBsGA1UEAwwUa2V5d2FyZC10ZXN0LWZpeHR1cmUwHhcNMjYxMTMwMjEw
            NzM1WhcNMzYxMTI3MjEwNzM1WjAfMR0wGwYDVQQDDBRrZXl3YXJkLXRlc3QtZml4
            dHVyZTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAOFf6i+Ku2fZOk2r
            q20gcaLIO7vBE1wMiOBUu3/IH9yNPK+K410w7k8UAb+yIDPla/6eIr9PjZXTKgTH
            sNmxFDTExJ6/R2LMCld+kL55QGC3hdBrWcIPNdkM3b3i2OK0+qovpwBwGLALM5pz
            Xx6GYH7S8Mo7+2LAX0n9QopbcCdYkZASFzpXqX1uC9o74AAEYf3oEpFHiKnXsPtx
            JWJHmRUl1LqtRE2qFuNT5IGTd7kQgRcaiAhvlnkbQAaApZ7MoZ3imHRR1e7/O1LQ
            d9s19OuTHMCaet8Bdv1kKZuANvf0AxNMn2IGy93DZcnCpqKjPUh0dcWjKO/xL3Ek
            PyUoGGMCAwEAAaNTMFEwHQYDVR0OBBYEFC00hQGvv00H2x/daWiIJ9BLPMyZMB8G
            A1UdIwQYMBaAFC00hQGvv00H2x/daWiIJ9BLPMyZMA8GA1UdEwEB/wQFMAMBAf8w
            DQYJKoZIhvcNAQELBQADggEBAND21JPpw4IuXLYQaf8gdFgWSEevw9D1rsihhUdz
            N9tbhzO0mAeZEgWKdqxRPKjhbBwZGCXfv9sgmVBf9ID3cYkdexermSPxfNHE+Mhq
            QYElo92NdNx9SQjaYeDJvcPw60fwupHiEtEZtJu0I7pdQS9Wctf0KkHVbFYXdnTw
            C9qMB9V1HdLbS4s64foax8aPf7Trcm0serCJsZ8hualmZEW2kzAHxKOHAE2ymhqO
            Wz2juvNYc6Lk0UQjdcvhQ0ESx76O0W+Wn6xhIvPkqTwai66bKTKxMw9NemLrYSYZ
            Qj9GFivVh1Hycm6cz878fBcDWDI5/jmUZxeoviIAgBKxozw=
            -----END CERTIFICATE-----
            """;

    static final String THUMBPRINT = "lPz5MAx1vzkelEfeumqxUXxuGKx_XOTAMs5gA1IFBQ0";

    private OpenSslFixture() {
    }
}
