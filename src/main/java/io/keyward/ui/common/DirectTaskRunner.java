package io.keyward.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks at once on the calling thread: deterministic ViewModel tests. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> Handle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return Handle.NONE;
        }
        onSuccess.accept(value);
        return Handle.NONE;
    }
}
