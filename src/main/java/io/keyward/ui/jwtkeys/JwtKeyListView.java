package io.keyward.ui.jwtkeys;

import io.keyward.model.JwtKey;
import io.keyward.ui.common.Fx;
import io.keyward.ui.common.ListPane;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The JWT keys tab: label, id, algorithm, active, times and thumbprint; details with the PEM and copy buttons. */
public final class JwtKeyListView {
    private final ListPane<JwtKey> pane;

    public JwtKeyListView(JwtKeyListViewModel vm) {
        // Selectable text, so an id or a thumbprint can be copied by hand too.
        TextArea details = new TextArea();
        details.setId("jwtkeys-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.getStyleClass().add("details");
        details.setPrefRowCount(8);
        details.textProperty().bind(vm.detailsProperty());
        TextArea pem = new TextArea();
        pem.setId("jwtkeys-pem");
        pem.setEditable(false);
        pem.getStyleClass().add("pem-text");
        pem.setPrefRowCount(7);
        pem.setWrapText(true);
        pem.textProperty().bind(vm.pemProperty());
        Button copyId = copyButton("Copy id", "copy-jwt-key-id", () -> vm.selectedProperty().get() == null ? ""
                : vm.selectedProperty().get().id());
        Button copyThumbprint = copyButton("Copy thumbprint", "copy-thumbprint", vm::selectedThumbprint);
        Button copyPem = copyButton("Copy PEM", "copy-pem", () -> vm.pemProperty().get());
        for (Button b : new Button[]{copyId, copyThumbprint, copyPem}) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        VBox side = new VBox(6, details, Fx.heading("Public key (PEM)"), pem, new HBox(6, copyId, copyThumbprint, copyPem));
        VBox.setVgrow(details, Priority.ALWAYS);

        pane = new ListPane<>("jwtkeys", "JWT keys", vm.filter(), vm.selectedProperty(), vm.stateProperty(), vm.zone(),
                vm::retry, side);
        CheckBox activeOnly = new CheckBox("Active only");
        activeOnly.setId("jwtkeys-active-only");
        activeOnly.selectedProperty().bindBidirectional(vm.activeOnlyProperty());
        pane.addFilterControls(activeOnly);

        pane.bindDisabledReason(vm.readOnlyReasonProperty());
        pane.allowMultipleSelection(vm.selection());
        var t = pane.table();
        // Dates only here (the details pane has the times); the id and thumbprint are long, so they come
        // last, where the table's spare width goes.
        pane.setTableShare(0.66);
        t.getColumns().add(Fx.column("Label", 150, JwtKey::label));
        t.getColumns().add(Fx.column("Active", 58, JwtKeyListViewModel::activeText));
        t.getColumns().add(Fx.column("Alg.", 48, k -> k.algorithm() == null ? "" : k.algorithm()));
        t.getColumns().add(Fx.column("Created", 88, k -> vm.date(k.createTime())));
        t.getColumns().add(Fx.column("Updated", 88, k -> vm.date(k.updateTime())));
        t.getColumns().add(Fx.column("Thumbprint", 110, vm::thumbprint));
        t.getColumns().add(Fx.column("Id", 110, JwtKey::id));
        t.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(JwtKey k, boolean empty) {
                super.updateItem(k, empty);
                getStyleClass().remove("inactive-row");
                if (!empty && k != null && Boolean.FALSE.equals(k.active())) {
                    getStyleClass().add("inactive-row");
                }
            }
        });

        Button create = new Button("New key\u2026");
        create.setId("create-jwt-key");
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> vm.create());
        Button toggle = new Button();
        toggle.setId("toggle-jwt-key");
        toggle.textProperty().bind(vm.toggleTextProperty());
        toggle.disableProperty().bind(vm.canChangeOneProperty().not());
        toggle.setOnAction(e -> vm.toggleActive());
        Button rename = new Button("Rename\u2026");
        rename.setId("rename-jwt-key");
        rename.disableProperty().bind(vm.canChangeOneProperty().not());
        rename.setOnAction(e -> vm.rename());
        Button delete = new Button();
        delete.textProperty().bind(vm.deleteLabelProperty());
        delete.setId("delete-jwt-key");
        delete.disableProperty().bind(vm.canChangeProperty().not());
        delete.setOnAction(e -> vm.delete());
        pane.addActions(create, toggle, rename, delete);

        MenuItem menuToggle = new MenuItem();
        menuToggle.textProperty().bind(vm.toggleTextProperty());
        menuToggle.setOnAction(e -> vm.toggleActive());
        MenuItem menuRename = new MenuItem("Rename\u2026");
        menuRename.setOnAction(e -> vm.rename());
        MenuItem menuDelete = new MenuItem();
        menuDelete.textProperty().bind(vm.deleteLabelProperty());
        menuDelete.setOnAction(e -> vm.delete());
        MenuItem menuCopyId = new MenuItem("Copy id");
        menuCopyId.setOnAction(e -> copyId.fire());
        for (MenuItem m : new MenuItem[]{menuToggle, menuRename}) {
            m.disableProperty().bind(vm.canChangeOneProperty().not());
        }
        menuDelete.disableProperty().bind(vm.canChangeProperty().not());
        menuCopyId.disableProperty().bind(vm.selectedProperty().isNull());
        MenuItem menuCopyThumbprint = Fx.item("Copy thumbprint", () -> Fx.toClipboard(vm.selectedThumbprint()));
        pane.rowActions(() -> {
            if (vm.canChangeOneProperty().get()) {
                vm.rename();
            } else {
                pane.focusDetails();
            }
        }, menuCopyId, menuCopyThumbprint, menuToggle, menuRename, menuDelete);
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && vm.canChangeProperty().get()) {
                e.consume();
                vm.delete();
            }
        });
    }

    private static Button copyButton(String text, String id, java.util.function.Supplier<String> value) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            String v = value.get();
            if (v != null && !v.isEmpty()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(v);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        return b;
    }

    public ListPane<JwtKey> pane() {
        return pane;
    }
}
