package io.keyward.sandbox;

import java.util.Objects;
import java.util.function.Supplier;

/** A value computed once, on first use, by whichever thread asks first. */
final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> computation;
    private volatile T value;

    Lazy(Supplier<? extends T> computation) {
        this.computation = Objects.requireNonNull(computation);
    }

    static <T> Lazy<T> of(T value) {
        Lazy<T> lazy = new Lazy<>(() -> value);
        lazy.value = Objects.requireNonNull(value);
        return lazy;
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = Objects.requireNonNull(computation.get());
                    value = result;
                    computation = null;
                }
            }
        }
        return result;
    }
}
