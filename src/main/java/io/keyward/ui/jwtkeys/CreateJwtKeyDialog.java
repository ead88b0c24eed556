package io.keyward.ui.jwtkeys;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The create-JWT-key dialog; answers TRUE once the server created the key. */
public final class CreateJwtKeyDialog implements DialogView<CreateJwtKeyDialogViewModel, Boolean> {
    private final CreateJwtKeyDialogViewModel vm;

    public CreateJwtKeyDialog(CreateJwtKeyDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public CreateJwtKeyDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        TextField label = new TextField();
        label.setId("jwt-key-label");
        label.setPromptText("e.g. production-signing-2026");
        label.textProperty().bindBidirectional(vm.labelProperty());
        Label labelError = Fx.bound(vm.labelErrorProperty(), "inline-error");
        labelError.setId("label-error");
        Label labelWarning = Fx.bound(vm.labelWarningProperty(), "warning-text");

        TextArea pem = new TextArea();
        pem.setId("jwt-key-pem");
        pem.getStyleClass().add("pem-text");
        pem.setPromptText("-----BEGIN PUBLIC KEY-----\n\u2026\n-----END PUBLIC KEY-----");
        pem.setPrefRowCount(8);
        pem.setPrefColumnCount(64);
        pem.textProperty().bindBidirectional(vm.pemProperty());
        Button load = new Button("Load PEM file\u2026");
        load.setId("load-pem");
        load.disableProperty().bind(vm.workingProperty().or(vm.savingProperty()));
        load.setOnAction(e -> vm.loadFile());
        ComboBox<Integer> size = new ComboBox<>(vm.keySizes());
        size.setId("key-size");
        size.valueProperty().bindBidirectional(vm.keySizeProperty());
        size.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Integer bits, boolean empty) {
                super.updateItem(bits, empty);
                setText(empty || bits == null ? null : bits + " bits");
            }
        });
        size.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Integer bits, boolean empty) {
                super.updateItem(bits, empty);
                setText(empty || bits == null ? null : bits + " bits");
            }
        });
        Button generate = new Button("Generate key pair\u2026");
        generate.setId("generate-key");
        generate.disableProperty().bind(vm.workingProperty().or(vm.savingProperty()));
        generate.setOnAction(e -> vm.generate());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(vm.workingProperty().or(vm.savingProperty()));
        HBox keyActions = new HBox(8, load, new Label("or"), generate, size, working);
        keyActions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label keyError = Fx.bound(vm.keyErrorProperty(), "inline-error");
        keyError.setId("key-error");
        Label keySummary = Fx.bound(vm.keySummaryProperty(), "ok-text");
        keySummary.setId("key-summary");
        Label privateNote = Fx.bound(vm.privateKeyNoteProperty());
        privateNote.setId("private-key-note");
        vm.privateKeyWarningProperty().addListener((o, a, warn) ->
                privateNote.getStyleClass().setAll("label", warn ? "warning-text" : "muted"));
        privateNote.getStyleClass().add("muted");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        Label labelCaption = new Label("Label");
        form.addRow(0, labelCaption, label);
        form.add(labelError, 1, 1);
        form.add(labelWarning, 1, 2);
        Label pemLabel = new Label("Public key");
        // The wrapping messages in the second column ask for more width than the dialog has; without
        // this the grid takes it from the captions, which shrink to "...".
        labelCaption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        pemLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.addRow(3, pemLabel, pem);
        form.add(keyActions, 1, 4);
        form.add(keyError, 1, 5);
        form.add(keySummary, 1, 6);
        form.add(privateNote, 1, 7);
        GridPane.setHgrow(label, Priority.ALWAYS);
        GridPane.setHgrow(pem, Priority.ALWAYS);
        GridPane.setValignment(pemLabel, javafx.geometry.VPos.TOP);

        Label general = Fx.bound(vm.generalErrorProperty(), "inline-error");
        general.setId("general-error");
        VBox content = new VBox(10, form,
                Fx.wrapping("Only the public key is sent. The new key starts active: tokens signed with its private "
                        + "key verify as soon as it is created.", "muted"),
                general, DialogFrames.problemBox(vm.problemDetails(), vm.requestIdProperty()));

        return DialogFrames.located(DialogFrames.untilDone(owner, "New JWT key", "Create a JWT key", "create-jwt-key-dialog", "Create key",
                content, vm.canCreateProperty(), vm::create, vm.doneProperty()), vm.where());
    }
}
