package io.keyward.ui.credentials;

import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.ui.common.Fx;
import io.keyward.ui.common.ListPane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/** The Credentials tab. Slot actions sit in one menu per slot: set or remove. */
public final class CredentialListView {
    private final ListPane<Credential> pane;

    public CredentialListView(CredentialListViewModel vm) {
        pane = new ListPane<>("credentials", "credentials", vm.filter(), vm.selectedProperty(), vm.stateProperty(),
                vm.zone(), vm::retry, ListPane.detailsText("credentials-details", vm.detailsProperty()));
        pane.bindDisabledReason(vm.readOnlyReasonProperty());
        var t = pane.table();
        t.getColumns().add(Fx.column("Username", 170, Credential::username));
        t.getColumns().add(Fx.column("Full name", 150, c -> c.fullName() == null ? "" : c.fullName()));
        t.getColumns().add(Fx.column("Enabled", 65, c -> c.enabled() ? "yes" : "no"));
        t.getColumns().add(Fx.column("Validation JWK", 170, c -> CredentialListViewModel.slot(c, CredentialSlot.VALIDATION)));
        t.getColumns().add(Fx.column("Encryption JWK", 170, c -> CredentialListViewModel.slot(c, CredentialSlot.ENCRYPTION)));
        for (CredentialSlot slot : CredentialSlot.values()) {
            String s = slot.label();
            MenuItem set = new MenuItem("Set " + s + " JWK\u2026");
            set.setId("set-" + s);
            set.setOnAction(e -> vm.setJwk(slot));
            MenuItem remove = new MenuItem("Remove " + s + " JWK\u2026");
            remove.setId("remove-" + s);
            remove.setOnAction(e -> vm.removeJwk(slot));
            MenuButton menu = new MenuButton(Character.toUpperCase(s.charAt(0)) + s.substring(1) + " JWK", null, set, remove);
            menu.setId(s + "-menu");
            menu.disableProperty().bind(vm.canSetProperty().not());
            menu.setOnShowing(e -> remove.setDisable(!vm.canRemove(slot)));
            pane.addActions(menu);
        }
        java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
        items.add(Fx.item("Copy username", () -> Fx.toClipboard(vm.selectedProperty().get().username())));
        for (CredentialSlot slot : CredentialSlot.values()) {
            MenuItem set = Fx.item("Set " + slot.label() + " JWK\u2026", () -> vm.setJwk(slot));
            set.disableProperty().bind(vm.canSetProperty().not());
            MenuItem remove = Fx.item("Remove " + slot.label() + " JWK\u2026", () -> vm.removeJwk(slot));
            // As in the slot's menu button: not offered on a read-only connection, during a change, or for an empty slot.
            remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.canRemove(slot),
                    vm.selectedProperty(), vm.canSetProperty()));
            items.add(set);
            items.add(remove);
        }
        pane.rowActions(pane::focusDetails, items.toArray(MenuItem[]::new));
    }

    public ListPane<Credential> pane() {
        return pane;
    }
}
