package io.keyward.ui.common;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Frames for confirmation dialogs. A destructive dialog makes Cancel the default button (Enter
 * cancels), Esc cancels, and the confirming button stays disabled until its gate opens.
 */
public final class DialogFrames {

    public static final String STYLESHEET = DialogFrames.class.getResource("/io/keyward/ui/keyward.css").toExternalForm();

    private DialogFrames() {
    }

    public static Dialog<ButtonType> destructive(Window owner, String title, String header, ButtonType confirm,
                                                 Node content, BooleanExpression allowed) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.setResizable(true);
        d.getDialogPane().getStylesheets().add(STYLESHEET);
        d.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        // Sized to its content: long lists inside scroll on their own (see limited()).
        d.getDialogPane().setContent(content);
        d.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button confirmButton = (Button) d.getDialogPane().lookupButton(confirm);
        confirmButton.setDefaultButton(false);
        confirmButton.getStyleClass().add("danger-button");
        if (allowed != null) {
            confirmButton.disableProperty().bind(allowed.not());
        }
        Button cancel = (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        cancel.setCancelButton(true);
        return d;
    }

    public static ButtonType confirmType(String label) {
        return new ButtonType(label, ButtonBar.ButtonData.OK_DONE);
    }

    /** "Type the name to confirm" with the exact name shown, and the field bound to the gate. */
    public static VBox typeToConfirm(ConfirmByName gate, String what) {
        Label prompt = Fx.wrapping("To confirm, type the " + what + " name exactly: " + gate.name());
        TextField field = new TextField();
        field.setId("confirm-name");
        field.getStyleClass().add("confirm-field");
        field.setPromptText(gate.name());
        field.textProperty().bindBidirectional(gate.typedProperty());
        Label match = new Label();
        match.getStyleClass().add("muted");
        match.textProperty().bind(javafx.beans.binding.Bindings.when(gate.matchesProperty())
                .then("Name matches.").otherwise(""));
        return new VBox(4, prompt, field, match);
    }

    public static VBox bullets(java.util.List<String> lines, String... styleClasses) {
        VBox box = new VBox(2);
        lines.forEach(l -> box.getChildren().add(Fx.wrapping("\u2022 " + l, styleClasses)));
        return box;
    }

    /** A list that may grow long (many credentials): scrolls inside the dialog past a few lines. */
    public static Node limited(VBox list, int lines) {
        if (list.getChildren().size() <= lines) {
            return list;
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(lines * 19);
        return scroll;
    }
}
