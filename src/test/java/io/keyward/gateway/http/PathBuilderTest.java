package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathBuilderTest {

    static final HttpUrl BASE = HttpUrl.get("https://api.example.com/v1");

    @Test
    void everyNameIsExactlyOneEncodedSegment() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("plain-name_1", "plain-name_1");
        table.put("with space", "with%20space");
        table.put("a/b", "a%2Fb");
        table.put("a\\b", "a%5Cb");
        table.put("a+b", "a+b");
        table.put("100%", "100%25");
        table.put("ü", "%C3%BC");
        table.put("q?x#y", "q%3Fx%23y");
        table.put("...", "...");
        table.put(".env", ".env");
        table.put("a..b", "a..b");
        table.put("v1.2", "v1.2");
        table.put("..a", "..a");
        table.put("a.", "a.");
        table.put(". .", ".%20.");
        table.put("%2e%2ex", "%252e%252ex");
        table.put("100%2", "100%252");
        table.put("%zz", "%25zz");
        table.put("a/b.c", "a%2Fb.c");
        table.put("a;b", "a;b");
        table.put("\u2026", "%E2%80%A6"); // the ellipsis is NFKC "...", a name like any other
        table.forEach((name, encoded) -> {
            HttpUrl url = PathBuilder.under(BASE, "test").fixed("items").name(name).build();
            assertEquals("/v1/items/" + encoded, url.encodedPath(), name);
            assertEquals(List.of("v1", "items", name), url.pathSegments(), name);
        });
    }

    @Test
    void okHttpResolvesDotSegmentsEvenPercentEncodedWhichIsWhyTheyAreRefused() {
        // The premise of the refusal: OkHttp (following the URL standard) gives no way to send them.
        assertEquals("/v1/", BASE.newBuilder().addPathSegment("items").addPathSegment("..").build().encodedPath());
        assertEquals("/v1/", BASE.newBuilder().addPathSegment("items").addEncodedPathSegment("%2E%2E").build().encodedPath());
        assertEquals("/v1/items", BASE.newBuilder().addPathSegment("items").addEncodedPathSegment("%2e").build().encodedPath());
    }

    @Test
    void emptyDotAndDotDotAreRefusedWithTheAction() {
        for (String name : Arrays.asList("", ".", "..", null)) {
            PathBuilder b = PathBuilder.under(BASE, "Deleting thing").fixed("items");
            GatewayException e = assertThrows(GatewayException.class, () -> b.name(name));
            assertEquals(new Failure.Unaddressable(name), e.failure());
            assertTrue(e.getMessage().startsWith("Deleting thing failed: the name "), e.getMessage());
            assertTrue(e.getMessage().endsWith(", so nothing was sent."), e.getMessage());
            assertEquals(0, e.httpStatus());
        }
        assertThrows(IllegalArgumentException.class, () -> PathBuilder.under(BASE, "x").fixed(".."));
    }

    @Test
    void everyOtherSpellingOfDotDotOrEmptyIsRefusedToo() {
        for (String name : NameSpellings.REFUSED) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                continue; // their message is pinned above
            }
            PathBuilder b = PathBuilder.under(BASE, "Deleting thing").fixed("items");
            GatewayException e = assertThrows(GatewayException.class, () -> b.name(name), name);
            assertEquals(new Failure.Unaddressable(name), e.failure(), name);
            assertTrue(e.getMessage().startsWith("Deleting thing failed: the name \u201C"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot be used in a URL path, because a server or proxy could read it as "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(", so nothing was sent."), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\u0000") || e.getMessage().contains("\t"),
                    "one printable line: " + e.getMessage());
            assertFalse(PathBuilder.isAddressable(name), name);
        }
    }

    @Test
    void theMessageSaysWhatTheNameCouldBecome() {
        Map<String, String> because = new LinkedHashMap<>();
        because.put("%2e%2e", "a server or proxy could read it as \u201C..\u201D, which would address the collection's "
                + "parent instead of the item");
        because.put("\uff0e", "a server or proxy could read it as \u201C.\u201D, which would address the collection "
                + "instead of the item");
        because.put("a/..", "a server or proxy could read it as a path with a \u201C.\u201D or \u201C..\u201D step, "
                + "which would address something other than the named item");
        because.put("%20", "a server or proxy could read it as an empty name, which would address the collection "
                + "instead of one item");
        because.put("..", "it would address the collection's parent instead of the item");
        because.forEach((name, reason) -> assertEquals("Deleting thing failed: the name \u201C" + name + "\u201D cannot "
                + "be used in a URL path, because " + reason + ", so nothing was sent.",
                assertThrows(GatewayException.class, () -> PathBuilder.under(BASE, "Deleting thing").name(name))
                        .getMessage()));
        assertEquals("Deleting thing failed: the name \u201C..\\u0000\u201D cannot be used in a URL path, because a "
                + "server or proxy could read it as \u201C..\u201D, which would address the collection's parent instead "
                + "of the item, so nothing was sent.",
                assertThrows(GatewayException.class, () -> PathBuilder.under(BASE, "Deleting thing").name("..\u0000"))
                        .getMessage(), "a control character is shown, not sent into the message");
    }

    @Test
    void namesThatMerelyContainDotsStayAddressable() {
        NameSpellings.SENT_AS_THEMSELVES.forEach((name, encoded) -> {
            HttpUrl url = PathBuilder.under(BASE, "test").fixed("items").name(name).build();
            assertEquals("/v1/items/" + encoded, url.encodedPath(), name);
        });
        for (String name : List.of("...", "....", ".env", "a..b", "v1.2", "..a", "a.", ".a.", ". .", "%2e%2ex", "x%2e",
                "\u2026", "a/b", "a\\b", "a;b", "a/...", "%252", "%", "%%2e", "%u002", "\uff0e\uff0e\uff0e")) {
            assertTrue(PathBuilder.isAddressable(name), name);
        }
    }

    @Test
    void trailingSlashAndQueryAreExplicit() {
        HttpUrl url = PathBuilder.under(BASE, "x").fixed("keys").name("k 1").trailingSlash().query("a", "b c").build();
        assertEquals("/v1/keys/k%201/", url.encodedPath());
        assertEquals("a=b%20c", url.encodedQuery());
    }

    @Test
    void rootNormalisesWhatAUserTyped() {
        Map<String, String> table = Map.of(
                "https://api.example.com/v1", "https://api.example.com/v1",
                "https://api.example.com/v1/", "https://api.example.com/v1",
                "  https://api.example.com/v1//  ", "https://api.example.com/v1",
                "https://api.example.com", "https://api.example.com/",
                "http://127.0.0.1:8080/prefix/v1?x=1#f", "http://127.0.0.1:8080/prefix/v1",
                "https://user:pw@api.example.com/v1", "https://api.example.com/v1",
                "https://api.example.com/a%20b/v1", "https://api.example.com/a%20b/v1");
        table.forEach((typed, root) -> assertEquals(root, PathBuilder.root(typed).toString(), typed));
        for (String bad : Arrays.asList("ftp://api.example.com/v1", "api.example.com/v1", "", null)) {
            assertThrows(IllegalArgumentException.class, () -> PathBuilder.root(bad), String.valueOf(bad));
        }
    }
}
