package io.keyward.ui.keys;

import io.keyward.model.DerivedJwkPolicy;
import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The delete-key confirmation, bound to a {@link DeleteKeyDialogViewModel}. */
public final class DeleteKeyDialog implements DialogView<DeleteKeyDialogViewModel, DerivedJwkPolicy> {
    private final DeleteKeyDialogViewModel vm;

    public DeleteKeyDialog(DeleteKeyDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public DeleteKeyDialogViewModel viewModel() {
        return vm;
    }

    /** Answers the confirmed policy for the derived JWKs. */
    @Override
    public Dialog<DerivedJwkPolicy> build(Window owner) {
        var key = vm.key();
        Label jwkNote = Fx.bound(vm.jwkNoteProperty());
        if (!vm.impact().derivedJwks().isKnown()) {
            jwkNote.getStyleClass().add("unknown-text");
        }
        TableView<DeleteKeyDialogViewModel.JwkEffect> effects = new TableView<>(vm.effects());
        effects.setId("derived-jwks");
        effects.getColumns().add(Fx.column("JWK", 210, DeleteKeyDialogViewModel.JwkEffect::jwkName));
        effects.getColumns().add(Fx.column("Type", 48, DeleteKeyDialogViewModel.JwkEffect::type));
        effects.getColumns().add(Fx.column("Source", 100, DeleteKeyDialogViewModel.JwkEffect::sourceType));
        var what = Fx.column("What happens to it", 320, DeleteKeyDialogViewModel.JwkEffect::effect);
        effects.getColumns().add(what);
        effects.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        effects.setFixedCellSize(26);
        effects.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(vm.effects()).multiply(26).add(30));
        effects.setMaxHeight(26 * 6 + 30);
        effects.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.effects()));
        effects.managedProperty().bind(effects.visibleProperty());

        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(4);
        for (DerivedJwkPolicy a : DerivedJwkPolicy.values()) {
            RadioButton rb = new RadioButton(DeleteKeyDialogViewModel.describe(a));
            rb.setId("action-" + a.name().toLowerCase(java.util.Locale.ROOT));
            rb.setUserData(a);
            rb.setToggleGroup(group);
            rb.setSelected(vm.actionProperty().get() == a);
            choices.getChildren().add(rb);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.actionProperty().set((DerivedJwkPolicy) t.getUserData());
            }
        });

        Label credentialNote = Fx.bound(vm.credentialNoteProperty());
        credentialNote.setId("credential-note");
        VBox losses = new VBox(2);
        losses.setId("credential-losses");
        Runnable fillLosses = () -> losses.getChildren().setAll(
                vm.credentialLosses().stream().map(l -> Fx.wrapping("\u2022 " + l, "danger-text")).toList());
        vm.credentialLosses().addListener((ListChangeListener<String>) c -> fillLosses.run());
        fillLosses.run();
        vm.actionProperty().addListener((o, a, b) -> credentialNote.getStyleClass().setAll("label",
                b == DerivedJwkPolicy.DELETE && !vm.impact().credentialsLosingJwk().isKnown() ? "unknown-text" : "label"));

        VBox content = new VBox(10,
                Fx.section("JWKs derived from this key", jwkNote, effects),
                Fx.section("What to do with them", choices),
                Fx.section("Credentials", credentialNote, capped(losses, 150)),
                Fx.section("Environments", Fx.wrapping(vm.environmentsSentence())),
                Fx.wrapping("Deleting the key is permanent. Its key material cannot be recovered.", "danger-text"),
                DialogFrames.typeToConfirm(vm.confirm(), "key name"));
        ButtonType delete = DialogFrames.confirmType("Delete key");
        Dialog<DerivedJwkPolicy> d = DialogFrames.destructive(owner, "Delete key",
                "Delete key \u201C" + key.name() + "\u201D" + (key.keyType() == null ? "" : " (" + key.keyType() + ")") + "?",
                delete, content, vm.confirm().matchesProperty(), vm::confirmedAction);
        d.getDialogPane().setId("delete-key-dialog");
        DialogFrames.located(d, vm.where());
        return d;
    }

    /** Grows with its content up to {@code max} pixels, then scrolls. */
    private static javafx.scene.control.ScrollPane capped(VBox content, double max) {
        var scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.min(max, content.heightProperty()));
        scroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(content.getChildren()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        return scroll;
    }
}
