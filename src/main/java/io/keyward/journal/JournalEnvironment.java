package io.keyward.journal;

/** One environment's (or the project's) part of an outcome. */
public record JournalEnvironment(String environment, boolean success, String message) {
}
