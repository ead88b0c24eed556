package io.keyward.e2e;

import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.FxDialogService;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager behind a certificate from a company CA: the test of the connection fails and says which CA
 * (with its fingerprint); the administrator adds the CA's PEM to the connection, sees its subject,
 * validity and fingerprint before trusting it, and the test then succeeds. Nothing else trusts it.
 */
@ExtendWith(ApplicationExtension.class)
class TrustedCaTest {

    final HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Keyward Test Corp Root CA").organizationalUnit("PKI").build();
    final HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("localhost")
            .commonName("localhost").build();
    final MockWebServer manager = new MockWebServer();
    final List<Path> toOpen = new ArrayList<>();
    ConsoleDriver ui;
    Path caFile;

    @Start
    void start(Stage stage) throws Exception {
        manager.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert, root.certificate()).build()
                .sslSocketFactory(), false);
        manager.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"corp-payments\"}],\"resultCount\":1}");
            }
        });
        manager.start();
        caFile = Files.createTempFile("corp-root-ca", ".pem");
        Files.writeString(caFile, root.certificatePem(), StandardCharsets.US_ASCII);
        FxDialogService fx = new FxDialogService(() -> stage);
        DialogService dialogs = new DialogService() {
            @Override
            public <R> Optional<R> show(DialogView<?, R> view) {
                return fx.show(view);
            }

            @Override
            public Optional<Path> chooseFileToOpen(FileRequest request) {
                return toOpen.isEmpty() ? Optional.empty() : Optional.of(toOpen.remove(0));
            }

            @Override
            public Optional<Path> chooseFileToSave(FileRequest request) {
                return Optional.empty();
            }
        };
        ui = ConsoleDriver.startWithData(stage, Files.createTempDirectory("keyward-ca-"), dialogs);
    }

    @AfterEach
    void stop() throws Exception {
        ui.close();
        manager.shutdown();
        Files.deleteIfExists(caFile);
    }

    @Test
    void aCompanyCaIsShownBeforeItIsTrustedAndThenTheManagerIsReached() {
        ui.waitUntilLoaded();
        DialogPane connections = ui.newConnection();
        ui.typeInto(ui.inDialog(connections, "#profile-name", TextField.class), "Corp manager");
        ui.typeInto(ui.inDialog(connections, "#profile-url", TextField.class), "https://localhost:" + manager.getPort());
        ui.typeInto(ui.inDialog(connections, "#profile-secret", PasswordField.class), "corp-token");

        // Without the CA: the test fails, naming the CA and its fingerprint.
        ui.click(ui.inDialog(connections, "#test-connection", Button.class));
        Label result = ui.inDialog(connections, "#test-result", Label.class);
        ui.waitUntil("the test has failed", () -> !result.getText().isEmpty() && !result.getText().startsWith("Testing"));
        String fingerprint = io.keyward.crypto.CaCertificate.fingerprint(ConsoleDriver.fx(() ->
                root.certificate().getEncoded()));
        assertTrue(result.getText().contains("Keyward Test Corp Root CA"), result.getText());
        assertTrue(result.getText().contains(fingerprint), result.getText());
        assertEquals(0, manager.getRequestCount(), "no request got through an untrusted connection");
        Button offer = ui.inDialog(connections, "#trust-offered-ca", Button.class);
        assertTrue(ConsoleDriver.fx(offer::isVisible), "the one way forward is offered");
        assertEquals("Trust \u201CKeyward Test Corp Root CA\u201D for this connection\u2026", ConsoleDriver.fx(offer::getText));

        // Add the CA: its facts are shown first.
        TitledPane network = ui.inDialog(connections, "#profile-network", TitledPane.class);
        ui.click(ConsoleDriver.fx(() -> network.lookup(".title")));
        ui.waitUntil("Network and trust is open", network::isExpanded);
        toOpen.add(caFile);
        ui.click(ui.inDialog(connections, "#add-ca", Button.class));
        DialogPane trust = ui.dialog("#trust-ca-dialog");
        assertEquals(fingerprint, ConsoleDriver.fx(() -> ((Label) trust.lookup("#ca-fingerprint")).getText()));
        ui.click(ui.dialogButton(trust, "Trust this CA"));
        ui.waitUntilClosed("#trust-ca-dialog");
        ListView<?> cas = ui.inDialog(connections, "#profile-cas", ListView.class);
        ui.waitUntil("the CA is listed", () -> cas.getItems().size() == 1);

        // Now the manager is reached.
        ui.click(ui.inDialog(connections, "#test-connection", Button.class));
        ui.waitUntil("the test has passed", () -> result.getText().startsWith("Connected."));
        assertTrue(result.getText().contains("corp-payments"), result.getText());
    }
}
