package io.keyward.ui.common;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A dialog's View: the ViewModel it is bound to, and how to build its window. A ViewModel creates
 * the View and hands it to {@link DialogService#show}, which builds it only when a real dialog is
 * wanted; a test's fake answers through {@link #viewModel()} without touching the toolkit. So a new
 * dialog touches only its own feature package.
 *
 * @param <M> the ViewModel
 * @param <R> what the dialog answers; its result converter returns null for Cancel
 */
public interface DialogView<M, R> {

    M viewModel();

    /** Builds the dialog, owned by {@code owner}; FX thread only. */
    Dialog<R> build(Window owner);
}
