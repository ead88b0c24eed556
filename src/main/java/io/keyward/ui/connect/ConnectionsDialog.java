package io.keyward.ui.connect;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.session.ConnectionProfile;
import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Button;
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

/** Connection profiles: a list on the left, the selected profile's form on the right. Answers TRUE on Connect. */
public final class ConnectionsDialog implements DialogView<ConnectionsViewModel, Boolean> {
    private final ConnectionsViewModel vm;

    public ConnectionsDialog(ConnectionsViewModel vm) {
        this.vm = vm;
    }

    /** Trusted CAs, the OS store, a client certificate, the proxy, plain HTTP: how this connection is reached. */
    static VBox network(ConnectionsViewModel vm) {
        javafx.scene.control.ListView<io.keyward.crypto.CaCertificate> cas = new javafx.scene.control.ListView<>(vm.trustedCas());
        cas.setId("profile-cas");
        cas.setPrefHeight(64);
        cas.setPlaceholder(new Label("No CA of its own: the JDK's trusted CAs only."));
        cas.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(io.keyward.crypto.CaCertificate c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.shortName() + "  (SHA-256 " + c.sha256Fingerprint().substring(0, 11) + "\u2026)");
                setTooltip(empty || c == null ? null : new javafx.scene.control.Tooltip(c.subject() + "\nSHA-256 "
                        + c.sha256Fingerprint()));
            }
        });
        Button addCa = new Button("Add CA certificate\u2026");
        addCa.setId("add-ca");
        addCa.setOnAction(e -> vm.addCaFromFile());
        Button removeCa = new Button("Remove");
        removeCa.setId("remove-ca");
        removeCa.disableProperty().bind(cas.getSelectionModel().selectedItemProperty().isNull());
        removeCa.setOnAction(e -> vm.removeCa(cas.getSelectionModel().getSelectedItem()));
        javafx.scene.control.CheckBox osStore = new javafx.scene.control.CheckBox("Also trust the operating system's CAs");
        osStore.setId("profile-os-trust");
        osStore.selectedProperty().bindBidirectional(vm.useOsTrustStoreProperty());
        osStore.disableProperty().bind(vm.osTrustStoreAvailableProperty().not());
        Label osWhy = Fx.bound(vm.osTrustStoreReasonProperty(), "muted");
        osWhy.visibleProperty().bind(vm.osTrustStoreAvailableProperty().not());
        osWhy.managedProperty().bind(osWhy.visibleProperty());

        TextField p12 = new TextField();
        p12.setId("profile-client-cert");
        p12.setPromptText("none (PKCS#12 file, for managers that ask for a client certificate)");
        p12.textProperty().bindBidirectional(vm.clientCertificateProperty());
        javafx.scene.control.PasswordField p12Password = new javafx.scene.control.PasswordField();
        p12Password.setId("profile-client-cert-password");
        p12Password.setPromptText("its password");
        p12Password.textProperty().bindBidirectional(vm.clientCertificatePasswordProperty());
        p12Password.disableProperty().bind(vm.clientCertificateProperty().isEmpty());
        Button chooseP12 = new Button("Choose\u2026");
        chooseP12.setId("choose-client-cert");
        chooseP12.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chooseP12.setOnAction(e -> vm.chooseClientCertificate());

        ComboBox<ConnectionsViewModel.ProxyMode> proxy = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                ConnectionsViewModel.ProxyMode.values()));
        proxy.setId("profile-proxy");
        proxy.valueProperty().bindBidirectional(vm.proxyModeProperty());
        TextField host = new TextField();
        host.setId("profile-proxy-host");
        host.setPromptText("proxy.corp.example");
        host.textProperty().bindBidirectional(vm.proxyHostProperty());
        TextField port = numberField("profile-proxy-port", vm.proxyPortProperty());
        port.setPromptText("3128");
        port.setPrefColumnCount(5);
        port.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        host.setPrefColumnCount(14);
        TextField user = new TextField();
        user.setId("profile-proxy-user");
        user.setPromptText("proxy username (if it asks)");
        user.textProperty().bindBidirectional(vm.proxyUsernameProperty());
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("profile-proxy-password");
        password.setPromptText("proxy password");
        password.textProperty().bindBidirectional(vm.proxyPasswordProperty());
        HBox manual = new HBox(6, host, port, user, password);
        HBox.setHgrow(host, Priority.ALWAYS);
        manual.visibleProperty().bind(vm.proxyModeProperty().isEqualTo(ConnectionsViewModel.ProxyMode.MANUAL));
        manual.managedProperty().bind(manual.visibleProperty());

        javafx.scene.control.CheckBox plain = new javafx.scene.control.CheckBox("Allow unencrypted HTTP");
        plain.setTooltip(new javafx.scene.control.Tooltip("Plain http:// to a host other than this computer sends the "
                + "token unencrypted: only for a lab."));
        plain.setId("profile-allow-http");
        plain.selectedProperty().bindBidirectional(vm.allowPlainHttpProperty());

        Label plainWhy = Fx.wrapping("Only for a lab: plain http:// to another host sends the token unencrypted.", "muted");
        plainWhy.visibleProperty().bind(plain.selectedProperty());
        plainWhy.managedProperty().bind(plainWhy.visibleProperty());
        VBox box = new VBox(6, new Label("Trusted CAs for this connection"), cas, new HBox(6, addCa, removeCa), osStore,
                osWhy, new Label("Client certificate"), new HBox(6, p12, chooseP12, p12Password), new Label("Proxy"), proxy, manual,
                plain, plainWhy);
        HBox.setHgrow(p12, Priority.ALWAYS);
        return box;
    }

    private static TextField numberField(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(6);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    @Override
    public ConnectionsViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        ListView<ConnectionProfile> list = new ListView<>(vm.profiles());
        list.setId("profiles");
        list.setPrefWidth(230);
        list.setPrefHeight(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    // Two lines: the name, then which gateway and whether it is built in.
                    Label kind = new Label(p.backend().displayName() + (p.builtIn() ? " \u00B7 built in" : ""));
                    kind.getStyleClass().add("muted");
                    setText(null);
                    setGraphic(new VBox(1, new Label(p.name()), kind));
                }
                setTooltip(empty || p == null ? null : new javafx.scene.control.Tooltip(p.describe()));
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
        ComboBox<BackendKind> backend = new ComboBox<>();
        backend.setId("profile-backend");
        backend.getItems().setAll(BackendKind.values());
        backend.valueProperty().bindBidirectional(vm.backendProperty());
        TextField url = new TextField();
        url.setId("profile-url");
        url.promptTextProperty().bind(vm.urlPromptProperty());
        url.textProperty().bindBidirectional(vm.urlProperty());
        name.disableProperty().bind(vm.builtInProperty());
        backend.disableProperty().bind(vm.builtInProperty());
        url.disableProperty().bind(vm.builtInProperty());
        ComboBox<SignInMethod> mode = new ComboBox<>(vm.methods());
        mode.setId("profile-method");
        mode.valueProperty().bindBidirectional(vm.methodProperty());
        TextField username = new TextField();
        username.setId("profile-username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField secret = new PasswordField();
        secret.setId("profile-secret");
        secret.textProperty().bindBidirectional(vm.secretProperty());
        Label userLabel = new Label("Username");
        for (var n : new javafx.scene.Node[]{userLabel, username}) {
            n.visibleProperty().bind(vm.needsUsernameProperty());
            n.managedProperty().bind(vm.needsUsernameProperty());
        }
        Label secretLabel = new Label();
        secretLabel.textProperty().bind(vm.secretLabelProperty());
        Label urlLabel = new Label();
        urlLabel.textProperty().bind(vm.urlLabelProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Gateway"), backend);
        form.addRow(2, urlLabel, url);
        form.addRow(3, new Label("Sign in with"), mode);
        form.addRow(4, userLabel, username);
        form.addRow(5, secretLabel, secret);
        javafx.scene.control.CheckBox remember = new javafx.scene.control.CheckBox("Remember in the OS keychain");
        remember.setId("profile-remember");
        remember.selectedProperty().bindBidirectional(vm.rememberProperty());
        remember.disableProperty().bind(vm.rememberAvailableProperty().not().or(vm.builtInProperty()));
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip();
        why.textProperty().bind(vm.rememberReasonProperty());
        why.setWrapText(true);
        why.setMaxWidth(360);
        // A disabled control shows no tooltip: it sits on a wrapper that does, with the reason.
        javafx.scene.layout.HBox rememberBox = new javafx.scene.layout.HBox(remember);
        javafx.scene.control.Tooltip.install(rememberBox, why);
        Label unavailable = Fx.bound(vm.rememberReasonProperty(), "muted");
        unavailable.setId("remember-unavailable");
        unavailable.visibleProperty().bind(vm.rememberAvailableProperty().not());
        unavailable.managedProperty().bind(unavailable.visibleProperty());
        form.add(new javafx.scene.layout.VBox(2, rememberBox, unavailable), 1, 6);
        GridPane.setHgrow(url, Priority.ALWAYS);
        // The captions keep their words however narrow the window: the fields give way instead.
        javafx.scene.layout.ColumnConstraints captions = new javafx.scene.layout.ColumnConstraints();
        captions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(120);
        form.getColumnConstraints().setAll(captions, fields);

        // Per-profile patience and limits, out of the way until needed.
        GridPane limits = new GridPane();
        limits.setHgap(10);
        limits.setVgap(6);
        limits.addRow(0, new Label("Read timeout (s)"), numberField("profile-read-timeout", vm.readTimeoutProperty()));
        limits.addRow(1, new Label("Change timeout (s)"), numberField("profile-change-timeout", vm.changeTimeoutProperty()));
        limits.addRow(2, new Label("Largest answer (MiB)"), numberField("profile-max-response", vm.maxResponseMiBProperty()));
        javafx.scene.control.TitledPane advanced = new javafx.scene.control.TitledPane("Timeouts and limits", limits);
        advanced.setId("profile-advanced");
        advanced.setExpanded(false);
        advanced.setAnimated(false);

        javafx.scene.control.TitledPane network = new javafx.scene.control.TitledPane("Network and trust", network(vm));
        network.setId("profile-network");
        network.setExpanded(false);
        network.setAnimated(false);

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
        Button trustCa = new Button();
        trustCa.setId("trust-offered-ca");
        trustCa.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.offeredCaProperty().get() == null
                ? "" : "Trust \u201C" + vm.offeredCaProperty().get().shortName() + "\u201D for this connection\u2026",
                vm.offeredCaProperty()));
        trustCa.visibleProperty().bind(vm.offeredCaProperty().isNotNull());
        trustCa.managedProperty().bind(trustCa.visibleProperty());
        trustCa.setOnAction(e -> vm.trustOfferedCa());
        VBox right = new VBox(10, form, advanced, network, warning, formError, new HBox(8, test, testing), testResult, trustCa,
                Fx.wrapping("Tokens, passwords and API keys are never written to a file: they stay in memory, or in the OS keychain when \u201CRemember\u201D is on.",
                        "muted"));
        HBox.setHgrow(right, Priority.ALWAYS);

        BorderPane content = new BorderPane();
        content.setLeft(left);
        content.setCenter(right);
        BorderPane.setMargin(right, new javafx.geometry.Insets(0, 0, 0, 14));

        // Connect closes only when the form is valid.
        Dialog<Boolean> d = DialogFrames.untilDone(owner, "Connections", "Connect to a gateway's management API",
                "connections-dialog", "Connect", content, null, vm::connect, vm.doneProperty());
        d.getDialogPane().setPrefWidth(760);
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0)))
                .textProperty().bind(vm.connectLabelProperty());
        d.setOnHidden(e -> vm.cancelTest());
        return d;
    }
}
