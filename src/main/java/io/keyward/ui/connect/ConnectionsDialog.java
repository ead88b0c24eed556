package io.keyward.ui.connect;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.Fx;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Connection profiles: a list on the left, the selected profile's form on the right. */
public final class ConnectionsDialog {
    private ConnectionsDialog() {
    }

    public static Dialog<ButtonType> build(Window owner, ConnectionsViewModel vm) {
        ListView<ConnectionProfile> list = new ListView<>(vm.profiles());
        list.setId("profiles");
        list.setPrefWidth(190);
        list.setPrefHeight(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + (p.builtIn() ? "  (built in)" : ""));
            }
        });
        list.getSelectionModel().select(vm.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                vm.selectedProperty().set(p);
            }
        });
        vm.selectedProperty().addListener((o, a, p) -> {
            if (p != null) {
                list.getSelectionModel().select(p);
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        Button add = new Button("New");
        add.setOnAction(e -> vm.newProfile());
        Button remove = new Button("Remove");
        remove.disableProperty().bind(vm.canRemoveProperty().not());
        remove.setOnAction(e -> vm.remove());
        VBox left = new VBox(6, list, new HBox(6, add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("profile-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField url = new TextField();
        url.setId("profile-url");
        url.setPromptText("https://apinizer.example.com");
        url.textProperty().bindBidirectional(vm.urlProperty());
        name.disableProperty().bind(vm.builtInProperty());
        url.disableProperty().bind(vm.builtInProperty());
        ComboBox<ConnectionProfile.AuthMode> mode = new ComboBox<>();
        mode.getItems().setAll(ConnectionProfile.AuthMode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        TextField username = new TextField();
        username.setId("profile-username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField secret = new PasswordField();
        secret.setId("profile-secret");
        secret.textProperty().bindBidirectional(vm.secretProperty());
        Label userLabel = new Label("Username");
        var isPassword = vm.modeProperty().isEqualTo(ConnectionProfile.AuthMode.PASSWORD);
        for (var n : new javafx.scene.Node[]{userLabel, username}) {
            n.visibleProperty().bind(isPassword);
            n.managedProperty().bind(isPassword);
        }
        Label secretLabel = new Label();
        secretLabel.textProperty().bind(javafx.beans.binding.Bindings.when(isPassword).then("Password")
                .otherwise("Personal token"));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Manager URL"), url);
        form.addRow(2, new Label("Sign in with"), mode);
        form.addRow(3, userLabel, username);
        form.addRow(4, secretLabel, secret);
        GridPane.setHgrow(url, Priority.ALWAYS);

        Label warning = Fx.bound(vm.warningProperty(), "warning-text");
        Label formError = Fx.bound(vm.formErrorProperty(), "inline-error");
        formError.setId("form-error");
        Button test = new Button("Test connection");
        test.setId("test-connection");
        test.disableProperty().bind(vm.testingProperty());
        test.setOnAction(e -> vm.testConnection());
        ProgressIndicator testing = new ProgressIndicator();
        testing.setPrefSize(18, 18);
        testing.visibleProperty().bind(vm.testingProperty());
        Label testResult = Fx.bound(vm.testResultProperty());
        testResult.setId("test-result");
        vm.testOkProperty().addListener((o, a, ok) -> testResult.getStyleClass().setAll("label", ok ? "ok-text" : "inline-error"));
        VBox right = new VBox(10, form, warning, formError, new HBox(8, test, testing), testResult,
                Fx.wrapping("Tokens and passwords are kept in memory only and are never written to disk.", "muted"));
        HBox.setHgrow(right, Priority.ALWAYS);

        BorderPane content = new BorderPane();
        content.setLeft(left);
        content.setCenter(right);
        BorderPane.setMargin(right, new javafx.geometry.Insets(0, 0, 0, 14));

        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Connections");
        d.setHeaderText("Connect to a management API");
        d.setResizable(true);
        d.getDialogPane().getStylesheets().add(DialogFrames.STYLESHEET);
        d.getDialogPane().setId("connections-dialog");
        d.getDialogPane().setPrefWidth(760);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        d.getDialogPane().setContent(content);
        Button connectButton = (Button) d.getDialogPane().lookupButton(connect);
        connectButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // close only when the form is valid
            vm.connect();
        });
        vm.doneProperty().addListener((o, a, done) -> {
            if (done) {
                d.setResult(connect);
                d.close();
            }
        });
        d.setOnHidden(e -> vm.cancelTest());
        return d;
    }

    public static void show(Window owner, ConnectionsViewModel vm) {
        build(owner, vm).showAndWait();
    }
}
