package io.keyward.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawPathTest {
    @Test
    void splitsBeforeDecoding() {
        RawPath path = RawPath.parse("/apiops/projects/Partner%20Gateway/jwks/ops%2Frotation%202026/");
        assertEquals(List.of("apiops", "projects", "Partner Gateway", "jwks", "ops/rotation 2026"), path.segments());
        assertTrue(path.trailingSlash());
    }

    @Test
    void plusStaysPlusAndPercentDecodesOnce() {
        assertEquals("legacy signing+v1", RawPath.decodeSegment("legacy%20signing+v1"));
        assertEquals("rollout 10% canary", RawPath.decodeSegment("rollout%2010%25%20canary"));
        assertEquals("%41", RawPath.decodeSegment("%2541"), "no double decoding");
        assertEquals("müşteri-portalı", RawPath.decodeSegment("m%C3%BC%C5%9Fteri-portal%C4%B1"));
        assertEquals("müşteri", RawPath.decodeSegment("müşteri"), "already-decoded text passes through");
    }

    @Test
    void trailingSlashAndEmptySegments() {
        assertFalse(RawPath.parse("/apiops/environments/payments").trailingSlash());
        assertEquals(List.of(), RawPath.parse("/").segments());
        assertEquals(List.of("apiops", "", "x"), RawPath.parse("/apiops//x").segments());
    }

    @Test
    void rejectsBrokenInput() {
        assertThrows(IllegalArgumentException.class, () -> RawPath.parse("apiops/"));
        assertThrows(IllegalArgumentException.class, () -> RawPath.decodeSegment("a%2"));
        assertThrows(IllegalArgumentException.class, () -> RawPath.decodeSegment("a%zz"));
        assertThrows(IllegalArgumentException.class, () -> RawPath.decodeSegment("%C3"), "not UTF-8");
    }
}
