package io.keyward.ui.common;

import io.keyward.session.ListState;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The words a list's state is shown with, in one place so every list says the same: never an empty
 * list where loading failed, never a count that is not a fact.
 */
public final class ListStateText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ListStateText() {
    }

    /** The row count beside the filter: the filter's own count only once the rows are a fact. */
    public static String count(ListState state, String filterCount, String plural, int rows) {
        return switch (state.status()) {
            case IDLE -> "";
            case LOADING -> rows == 0 ? "loading\u2026" : filterCount + ", refreshing\u2026";
            case LOADED -> filterCount;
            case FAILED -> "? " + plural + (rows == 0 ? "" : " (" + rows + " shown, stale)");
        };
    }

    /** "Keys (4)", "Keys (…)" while loading, "Keys (?)" when the last load failed. */
    public static String tabTitle(String title, ListState state, int rows) {
        return switch (state.status()) {
            case IDLE -> title;
            case LOADING -> title + (rows == 0 ? " (\u2026)" : " (" + rows + ")");
            case LOADED -> title + " (" + rows + ")";
            case FAILED -> title + " (?)";
        };
    }

    /** What the table shows when it has no rows. */
    public static String placeholder(ListState state, String plural) {
        return switch (state.status()) {
            case IDLE -> "No project selected.";
            case LOADING -> "Loading the " + plural + "\u2026";
            case LOADED -> "There are no " + plural + " in this project.";
            case FAILED -> "The " + plural + " could not be loaded (see above).";
        };
    }

    /** The failure banner above the table, or "" while nothing failed. */
    public static String failure(ListState state, String plural, ZoneId zone) {
        if (!state.isFailed()) {
            return "";
        }
        String when = state.loadedAt() == null ? ""
                : " The rows below were loaded at " + TIME.format(state.loadedAt().atZone(zone))
                + " and may be out of date.";
        return "Could not load the " + plural + ": " + state.error() + when;
    }

    /** "Loaded at 22:14:03", for status lines. */
    public static String loadedAt(ListState state, ZoneId zone) {
        return state.loadedAt() == null ? "" : "loaded at " + TIME.format(state.loadedAt().atZone(zone));
    }
}
