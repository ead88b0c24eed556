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
        var t = pane.table();
        t.getColumns().add(Fx.column("Name", 220, Jwk::name));
        t.getColumns().add(Fx.column("Type", 55, j -> j.type() == null ? "" : j.type()));
        t.getColumns().add(Fx.column("Source", 100, j -> j.sourceType().name()));
        t.getColumns().add(Fx.column("kid", 150, j -> j.kid() == null ? "" : j.kid()));
        t.getColumns().add(Fx.column("Description", 220, Jwk::description));
        Button edit = new Button("Rename / describe\u2026");
        edit.setId("edit-jwk");
        edit.disableProperty().bind(vm.canChangeProperty().not());
        edit.setOnAction(e -> vm.editSelected());
        Button delete = new Button("Delete JWK\u2026");
        delete.setId("delete-jwk");
        delete.disableProperty().bind(vm.canChangeProperty().not());
        delete.setOnAction(e -> vm.deleteSelected());
        pane.addActions(edit, delete);
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
