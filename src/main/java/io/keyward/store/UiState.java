package io.keyward.store;

import java.util.Map;

/**
 * Where the user left off: the main window's place and size, the connection and project last open, and
 * divider positions by a name the view chooses. Any part may be absent (null, or no divider), and the UI
 * must still check that a remembered window fits one of today's screens.
 */
public record UiState(Window window, String lastConnection, String lastProject, Map<String, Double> dividers) {

    public record Window(double x, double y, double width, double height, boolean maximized) { }

    public static final UiState EMPTY = new UiState(null, null, null, Map.of());

    public UiState {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
    }
}
