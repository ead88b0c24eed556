package io.keyward.crypto;

import java.io.ByteArrayOutputStream;

/**
 * Just enough DER to read a SubjectPublicKeyInfo's algorithm and to wrap a PKCS#1 RSA key into
 * one: the JDK parses keys, but it neither says which algorithm an encoded key is for nor reads
 * PKCS#1 public keys, and pulling in a full ASN.1 library for that is not worth a dependency.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    /** rsaEncryption, 1.2.840.113549.1.1.1, as encoded content bytes. */
    private static final byte[] RSA_ENCRYPTION_OID = {
        0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01
    };

    private Der() {
    }

    /** Malformed or unexpected DER; deliberately carries no bytes of the input. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String what) {
            super(what);
        }
    }

    /** One tag-length-value element inside a byte array. */
    record Element(int tag, byte[] source, int offset, int length) {
        Reader contents() {
            return new Reader(source, offset, offset + length);
        }

        byte[] value() {
            byte[] copy = new byte[length];
            System.arraycopy(source, offset, copy, 0, length);
            return copy;
        }
    }

    /** Reads consecutive elements from a region of a byte array; lengths are checked against the region. */
    static final class Reader {
        private final byte[] der;
        private final int end;
        private int pos;

        Reader(byte[] der) {
            this(der, 0, der.length);
        }

        private Reader(byte[] der, int from, int to) {
            this.der = der;
            this.pos = from;
            this.end = to;
        }

        boolean hasMore() {
            return pos < end;
        }

        Element next(int expectedTag) throws MalformedException {
            Element element = next();
            if (element.tag() != expectedTag) {
                throw new MalformedException("unexpected tag");
            }
            return element;
        }

        Element next() throws MalformedException {
            if (end - pos < 2) {
                throw new MalformedException("truncated");
            }
            int tag = der[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new MalformedException("multi-byte tag"); // never used by the structures read here
            }
            int first = der[pos++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7f;
                if (count == 0 || count > 4) {
                    throw new MalformedException("indefinite or oversized length");
                }
                if (end - pos < count) {
                    throw new MalformedException("truncated length");
                }
                long value = 0;
                for (int i = 0; i < count; i++) {
                    value = (value << 8) | (der[pos++] & 0xff);
                }
                if (value > Integer.MAX_VALUE) {
                    throw new MalformedException("oversized length");
                }
                length = (int) value;
            }
            if (length > end - pos) {
                throw new MalformedException("truncated value");
            }
            Element element = new Element(tag, der, pos, length);
            pos += length;
            return element;
        }
    }

    /** The dotted form of an OBJECT IDENTIFIER's content bytes, e.g. "1.2.840.10045.2.1". */
    static String oid(Element element) throws MalformedException {
        if (element.tag() != OID || element.length() == 0) {
            throw new MalformedException("not an OID");
        }
        StringBuilder dotted = new StringBuilder();
        long arc = 0;
        boolean firstArc = true;
        int end = element.offset() + element.length();
        for (int i = element.offset(); i < end; i++) {
            int b = element.source()[i] & 0xff;
            if (arc > (Long.MAX_VALUE >>> 7)) {
                throw new MalformedException("OID arc too large");
            }
            arc = (arc << 7) | (b & 0x7f);
            if ((b & 0x80) != 0) {
                if (i == end - 1) {
                    throw new MalformedException("truncated OID");
                }
                continue;
            }
            if (firstArc) {
                // The first byte packs the first two arcs as 40 * X + Y.
                long x = Math.min(arc / 40, 2);
                dotted.append(x).append('.').append(arc - 40 * x);
                firstArc = false;
            } else {
                dotted.append('.').append(arc);
            }
            arc = 0;
        }
        return dotted.toString();
    }

    /**
     * Wraps PKCS#1 RSAPublicKey bytes into an X.509 SubjectPublicKeyInfo:
     * {@code SEQUENCE { SEQUENCE { rsaEncryption, NULL }, BIT STRING { 0 unused bits, pkcs1 } }}.
     */
    static byte[] rsaSpkiFromPkcs1(byte[] pkcs1) {
        byte[] algorithm = tlv(SEQUENCE, tlv(OID, RSA_ENCRYPTION_OID), tlv(NULL));
        byte[] bitString = new byte[pkcs1.length + 1]; // leading 0: no unused bits in the last byte
        System.arraycopy(pkcs1, 0, bitString, 1, pkcs1.length);
        return tlv(SEQUENCE, algorithm, tlv(BIT_STRING, bitString));
    }

    /** One DER element with a definite, minimal length. */
    static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        writeLength(out, length);
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = 0;
        for (int rest = length; rest != 0; rest >>>= 8) {
            bytes++;
        }
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
