package io.keyward.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Matches a method and a {@link RawPath} against route templates such as
 * {@code /apiops/projects/{project}/keys/{key}/}. The trailing slash is part of the template: a path that
 * only differs by it does not match, so a client that gets the form wrong sees a 404 here instead of
 * passing against the sandbox and failing against the real server.
 */
final class Router<H> {
    record Route<H>(String method, String template, H handler) {
    }

    sealed interface Resolution<H> permits Found, WrongMethod, NoRoute {
    }

    record Found<H>(Route<H> route, Map<String, String> variables) implements Resolution<H> {
    }

    record WrongMethod<H>(List<String> allowed) implements Resolution<H> {
    }

    record NoRoute<H>() implements Resolution<H> {
    }

    private record Template(List<String> segments, boolean trailingSlash) {
        static Template of(String template) {
            RawPath path = RawPath.parse(template);
            return new Template(path.segments(), path.trailingSlash());
        }

        Map<String, String> match(RawPath path) {
            if (path.trailingSlash() != trailingSlash || path.segments().size() != segments.size()) {
                return null;
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String expected = segments.get(i);
                String actual = path.segments().get(i);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    if (actual.isEmpty()) {
                        return null;
                    }
                    variables.put(expected.substring(1, expected.length() - 1), actual);
                } else if (!expected.equals(actual)) {
                    return null;
                }
            }
            return variables;
        }
    }

    private final List<Route<H>> routes = new ArrayList<>();
    private final List<Template> templates = new ArrayList<>();

    Router<H> add(String method, String template, H handler) {
        routes.add(new Route<>(method, template, handler));
        templates.add(Template.of(template));
        return this;
    }

    Resolution<H> resolve(String method, RawPath path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Map<String, String> variables = templates.get(i).match(path);
            if (variables == null) {
                continue;
            }
            Route<H> route = routes.get(i);
            if (route.method().equals(method)) {
                return new Found<>(route, Map.copyOf(variables));
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new NoRoute<>() : new WrongMethod<>(List.copyOf(allowed));
    }
}
