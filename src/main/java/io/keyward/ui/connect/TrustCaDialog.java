package io.keyward.ui.connect;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Shows a certificate's facts; answers TRUE when the administrator trusts it (Cancel is the default). */
public final class TrustCaDialog implements DialogView<TrustCaDialogViewModel, Boolean> {

    private final TrustCaDialogViewModel vm;

    public TrustCaDialog(TrustCaDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public TrustCaDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(4);
        int row = 0;
        for (String[] f : vm.facts()) {
            Label name = new Label(f[0]);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = Fx.wrapping(f[1]);
            if (f[0].equals("SHA-256")) {
                value.setId("ca-fingerprint");
                value.getStyleClass().add("mono");
            }
            facts.addRow(row++, name, value);
        }
        VBox content = new VBox(10, facts);
        vm.warnings().forEach(w -> content.getChildren().add(Fx.wrapping(w, "warning-text")));
        content.getChildren().add(Fx.wrapping(vm.consequence(), "muted"));
        Dialog<Boolean> d = DialogFrames.destructive(owner, "Trust a CA certificate", vm.header(),
                DialogFrames.confirmType("Trust this CA"), content, null, () -> Boolean.TRUE);
        d.getDialogPane().setId("trust-ca-dialog");
        d.getDialogPane().setPrefWidth(620);
        return d;
    }
}
