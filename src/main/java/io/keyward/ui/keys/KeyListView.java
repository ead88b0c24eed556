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
        var t = pane.table();
        t.getColumns().add(Fx.column("Name", 220, CryptoKey::name));
        t.getColumns().add(Fx.column("Type", 70, k -> k.keyType() == null ? "" : k.keyType()));
        t.getColumns().add(Fx.column("Environments", 200, k -> String.join(", ", k.environmentNames())));
        t.getColumns().add(Fx.column("Description", 260, CryptoKey::description));
        Button delete = new Button("Delete key\u2026");
        delete.setId("delete-key");
        delete.disableProperty().bind(vm.canDeleteProperty().not());
        delete.setOnAction(e -> vm.deleteSelected());
        pane.addActions(delete);
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
