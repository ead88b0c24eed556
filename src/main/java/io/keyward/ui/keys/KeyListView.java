package io.keyward.ui.keys;

import io.keyward.model.CryptoKey;
import io.keyward.ui.common.Fx;
import io.keyward.ui.common.ListPane;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;

/** The Keys tab. */
public final class KeyListView {
    private final ListPane<CryptoKey> pane;

    public KeyListView(KeyListViewModel vm) {
        pane = new ListPane<>("keys", "keys", vm.filter(), vm.selectedProperty(), vm.stateProperty(), vm.zone(),
                vm::retry, ListPane.detailsText("keys-details", vm.detailsProperty()));
        pane.bindDisabledReason(vm.readOnlyReasonProperty());
        pane.allowMultipleSelection(vm.selection());
        var t = pane.table();
        t.getColumns().add(Fx.column("Name", 220, CryptoKey::name));
        t.getColumns().add(Fx.column("Type", 70, k -> k.keyType() == null ? "" : k.keyType()));
        t.getColumns().add(Fx.column("Environments", 200, k -> String.join(", ", k.environmentNames())));
        t.getColumns().add(Fx.column("Description", 260, CryptoKey::description));
        Button delete = new Button();
        delete.textProperty().bind(vm.deleteLabelProperty());
        delete.setId("delete-key");
        delete.disableProperty().bind(vm.canDeleteProperty().not());
        delete.setOnAction(e -> vm.deleteSelected());
        pane.addActions(delete);
        javafx.scene.control.MenuItem deleteItem = Fx.item("Delete key\u2026", vm::deleteSelected);
        deleteItem.disableProperty().bind(vm.canDeleteProperty().not());
        deleteItem.textProperty().bind(vm.deleteLabelProperty());
        pane.rowActions(pane::focusDetails,
                Fx.item("Copy name", () -> Fx.toClipboard(vm.selectedProperty().get().name())),
                Fx.item("Copy id", () -> Fx.toClipboard(vm.selectedProperty().get().id())),
                deleteItem);
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && vm.canDeleteProperty().get()) {
                e.consume();
                vm.deleteSelected();
            }
        });
    }

    public ListPane<CryptoKey> pane() {
        return pane;
    }
}
