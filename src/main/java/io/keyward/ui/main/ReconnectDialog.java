package io.keyward.ui.main;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** After a 401: offers to reconnect. Answers TRUE for "Reconnect…". */
public final class ReconnectDialog implements DialogView<ReconnectDialog.Prompt, Boolean> {

    /** What the offer says: the failure and whose session it was. */
    public record Prompt(String message) { }

    private final Prompt prompt;

    public ReconnectDialog(Prompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Prompt viewModel() {
        return prompt;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        ButtonType reconnect = new ButtonType("Reconnect\u2026", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<Boolean> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Session rejected");
        d.setHeaderText("The server rejected the session (HTTP 401)");
        d.setContentText(prompt.message());
        // Looks like a warning Alert (same style classes and icon), but answers like every DialogView.
        d.getDialogPane().getStyleClass().addAll("alert", "warning");
        d.getDialogPane().getStylesheets().add(DialogFrames.STYLESHEET);
        d.getDialogPane().setId("reconnect-dialog");
        d.getDialogPane().getButtonTypes().addAll(reconnect, later);
        d.setResultConverter(b -> b == reconnect ? Boolean.TRUE : null);
        return d;
    }
}
