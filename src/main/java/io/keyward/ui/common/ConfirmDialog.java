package io.keyward.ui.common;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** A plain question with a confirming button and Cancel (the default); answers TRUE when confirmed. */
public final class ConfirmDialog implements DialogView<ConfirmDialog.Prompt, Boolean> {

    /** @param id the dialog pane's id, for tests and screenshots */
    public record Prompt(String id, String title, String header, String text, String confirm) { }

    private final Prompt prompt;

    public ConfirmDialog(Prompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Prompt viewModel() {
        return prompt;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        Dialog<Boolean> d = DialogFrames.destructive(owner, prompt.title(), prompt.header(),
                new ButtonType(prompt.confirm(), ButtonBar.ButtonData.OK_DONE), Fx.wrapping(prompt.text()), null,
                () -> Boolean.TRUE);
        d.getDialogPane().setId(prompt.id());
        return d;
    }
}
