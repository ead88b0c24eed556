package io.keyward.ui.jwks;

import io.keyward.model.Jwk;
import io.keyward.ui.common.Fx;
import io.keyward.ui.common.ListPane;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;

/** The JWKs tab. */
public final class JwkListView {
    private final ListPane<Jwk> pane;

    public JwkListView(JwkListViewModel vm) {
        pane = new ListPane<>("jwks", "JWKs", vm.filter(), vm.selectedProperty(), vm.stateProperty(), vm.zone(),
                vm::retry, ListPane.detailsText("jwks-details", vm.detailsProperty()));
        pane.bindDisabledReason(vm.readOnlyReasonProperty());
        pane.allowMultipleSelection(vm.selection());
        var t = pane.table();
        t.getColumns().add(Fx.column("Name", 220, Jwk::name));
        t.getColumns().add(Fx.column("Type", 55, j -> j.type() == null ? "" : j.type()));
        t.getColumns().add(Fx.column("Source", 100, j -> j.sourceType().name()));
        t.getColumns().add(Fx.column("kid", 150, j -> j.kid() == null ? "" : j.kid()));
        t.getColumns().add(Fx.column("Description", 220, Jwk::description));
        Button edit = new Button("Rename / describe\u2026");
        edit.setId("edit-jwk");
        edit.disableProperty().bind(vm.canEditProperty().not());
        edit.setOnAction(e -> vm.editSelected());
        Button delete = new Button();
        delete.textProperty().bind(vm.deleteLabelProperty());
        delete.setId("delete-jwk");
        delete.disableProperty().bind(vm.canChangeProperty().not());
        delete.setOnAction(e -> vm.deleteSelected());
        pane.addActions(edit, delete);
        javafx.scene.control.MenuItem editItem = Fx.item("Rename / describe\u2026", vm::editSelected);
        javafx.scene.control.MenuItem deleteItem = Fx.item("Delete JWK\u2026", vm::deleteSelected);
        deleteItem.textProperty().bind(vm.deleteLabelProperty());
        editItem.disableProperty().bind(vm.canEditProperty().not());
        deleteItem.disableProperty().bind(vm.canChangeProperty().not());
        pane.rowActions(() -> {
            if (vm.canEditProperty().get()) {
                vm.editSelected();
            } else {
                pane.focusDetails();
            }
        }, Fx.item("Copy name", () -> Fx.toClipboard(vm.selectedProperty().get().name())),
                Fx.item("Copy kid", () -> Fx.toClipboard(vm.selectedProperty().get().kid())),
                Fx.item("Copy public JWK (JSON)", () -> vm.copyPublicJwk(Fx::toClipboard)),
                editItem, deleteItem);
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && vm.canChangeProperty().get()) {
                e.consume();
                vm.deleteSelected();
            }
        });
    }

    public ListPane<Jwk> pane() {
        return pane;
    }
}
