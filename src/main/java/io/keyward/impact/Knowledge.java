package io.keyward.impact;

import java.util.Objects;
import java.util.function.Function;

/**
 * A dependency the console either knows or cannot know. Dialogs must tell "none" apart from
 * "the server does not say": an {@link Unknown} is never shown as an empty list.
 */
public sealed interface Knowledge<T> {

    record Known<T>(T value) implements Knowledge<T> {
        public Known {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param reason a sentence saying why it cannot be known */
    record Unknown<T>(String reason) implements Knowledge<T> {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Knowledge<T> known(T value) {
        return new Known<>(value);
    }

    static <T> Knowledge<T> unknown(String reason) {
        return new Unknown<>(reason);
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    default <R> Knowledge<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Known<T> k) {
            return new Known<>(f.apply(k.value()));
        }
        return new Unknown<>(((Unknown<T>) this).reason());
    }

    /** The value, or {@code fallback} when unknown. */
    default T orElse(T fallback) {
        return this instanceof Known<T> k ? k.value() : fallback;
    }
}
