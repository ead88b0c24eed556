package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a request URL segment by segment. Fixed segments are the adapter's own; names come from
 * users and servers and are each encoded as exactly one segment (space, '/', '%', '?', '#' and
 * non-ASCII are percent-encoded; '+' stays literal, which is correct in a path).
 *
 * <p>A name that is empty, "." or ".." is refused before anything is sent. Such a segment cannot be
 * sent as a name at all: OkHttp's {@code addPathSegment} resolves "." and "..", and so does
 * {@code addEncodedPathSegment("%2E%2E")}, because the URL standard (WHATWG) defines "%2e" as a dot
 * segment too; servers normalise paths the same way. A DELETE of a key named ".." would otherwise
 * become a DELETE of the collection's parent. So is every other spelling that a server or a proxy
 * on the way could turn into one of them ({@link SegmentReadings}): percent-encoded once or more,
 * with whitespace or control characters around it, in Unicode compatibility forms, or as a step
 * after a '/' or '\' that a server decodes. The refusal is a {@link GatewayException} whose failure
 * is {@link Failure.Unaddressable}, so the UI shows it like any other failed call.
 */
public final class PathBuilder {

    private final HttpUrl.Builder url;
    private final String action;

    private PathBuilder(HttpUrl base, String action) {
        this.url = base.newBuilder();
        this.action = Objects.requireNonNull(action, "action");
    }

    /** @param action what is being attempted, for the failure's sentence */
    public static PathBuilder under(HttpUrl base, String action) {
        return new PathBuilder(base, action);
    }

    /** One of the adapter's own segments ({@code projects}, {@code jwt-keys}, ...). */
    public PathBuilder fixed(String segment) {
        if (!isAddressable(segment)) {
            throw new IllegalArgumentException("not a fixed path segment: " + segment);
        }
        url.addPathSegment(segment);
        return this;
    }

    /** A name from a user or a server, as exactly one segment. */
    public PathBuilder name(String name) {
        if (!isAddressable(name)) {
            throw unaddressable(action, name);
        }
        url.addPathSegment(name);
        return this;
    }

    /** An empty last segment, for APIs whose documented paths end in '/'. */
    public PathBuilder trailingSlash() {
        url.addPathSegment("");
        return this;
    }

    public PathBuilder query(String name, String value) {
        url.addQueryParameter(name, value);
        return this;
    }

    public HttpUrl build() {
        return url.build();
    }

    /**
     * False for null, "", "." and "..", and for every spelling a server or proxy could read as one of
     * them ({@link SegmentReadings}): values that cannot travel as one path segment. Names that merely
     * contain dots ("...", ".env", "a..b", "v1.2") are addressable.
     */
    public static boolean isAddressable(String name) {
        return SegmentReadings.hazard(name) == null;
    }

    /**
     * A base URL as the user typed it, made into a root to append to: http(s) only, query,
     * fragment and user-info dropped (credentials never travel in a URL here), empty segments
     * (a trailing slash) dropped.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public static HttpUrl root(String baseUrl) {
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
        }
        List<String> segments = new ArrayList<>(url.pathSegments());
        segments.removeIf(String::isEmpty);
        HttpUrl.Builder b = url.newBuilder().query(null).fragment(null).username("").password("").encodedPath("/");
        segments.forEach(b::addPathSegment);
        return b.build();
    }

    static GatewayException unaddressable(String action, String name) {
        String shown = name == null ? "(none)" : "\u201C" + SegmentReadings.printable(name) + "\u201D";
        SegmentReadings.Hazard hazard = SegmentReadings.hazard(name);
        String because;
        if (name == null || name.isEmpty()) {
            because = "it would address the collection instead of one item";
        } else if (name.equals(".") || name.equals("..")) {
            because = "it would address " + (name.equals(".") ? "the collection" : "the collection's parent")
                    + " instead of the item";
        } else {
            SegmentReadings.Hazard h = hazard == null ? SegmentReadings.Hazard.EMPTY : hazard;
            because = "a server or proxy could read it as " + switch (h) {
                case EMPTY -> "an empty name, which would address the collection instead of one item";
                case DOT -> "\u201C.\u201D, which would address the collection instead of the item";
                case DOT_DOT -> "\u201C..\u201D, which would address the collection's parent instead of the item";
                case STEP -> "a path with a \u201C.\u201D or \u201C..\u201D step, which would address something other "
                        + "than the named item";
            };
        }
        String message = action + " failed: the name " + shown + " cannot be used in a URL path, because " + because
                + ", so nothing was sent.";
        return new GatewayException(new Failure.Unaddressable(name), 0, null, null, message, null);
    }
}
