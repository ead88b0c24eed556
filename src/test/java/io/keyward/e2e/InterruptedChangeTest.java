package io.keyward.e2e;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.SignInMethod;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.ResultEntry;
import io.keyward.ui.common.FxDialogService;
import io.keyward.ui.results.ResultsView;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyward killed (SIGKILL) after it journalled a deletion and sent it, before the answer came: the
 * next start lists the change as "Unknown — interrupted", says so in the banner, and checks it against
 * the server it went to on request; the finding is journalled too.
 */
@ExtendWith(ApplicationExtension.class)
class InterruptedChangeTest {

    static final String JWK = "rollout 10% canary";
    static final String CONNECTION = "Lab gateway";
    static SandboxServer server;
    static Path dataDir;
    ConsoleDriver ui;

    @BeforeAll
    static void killAKeywardMidChange() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults());
        dataDir = Files.createTempDirectory("keyward-interrupted-");
        server.faults().setLatencyMillis(1500); // the answer is late: the process dies first
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingChange.class.getName(), dataDir.toString(),
                server.baseUrl().toString(), server.adminToken(), CONNECTION, "payments", JWK)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("SENT")) {
            // the JVM's own start-up chatter
        }
        assertEquals("SENT", line, "the child journalled the change and sent it");
        Thread.sleep(500); // the request is on the wire, the server is still "working"
        p.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed at exit
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        // The server went on and made the change, as a real one would.
        ApinizerClient direct = new ApinizerClient(ConnectionSettings.of(server.baseUrl(),
                new Authentication.PersonalToken(Secret.of(server.adminToken()))));
        server.faults().setLatencyMillis(0);
        for (int i = 0; i < 100 && direct.listJwks(Project.named("payments")).stream().anyMatch(j -> j.name().equals(JWK)); i++) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        ui = ConsoleDriver.startWithData(stage, dataDir, new FxDialogService(() -> stage));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    TreeItem<ResultsView.Row> interrupted() {
        return ui.resultEntries().stream().filter(i -> i.getValue().entry().outcome() == ResultEntry.Outcome.INTERRUPTED)
                .findFirst().orElse(null);
    }

    @Test
    void theNextStartShowsItInterruptedAndChecksItOnItsServer() throws Exception {
        ui.waitUntilLoaded();
        ui.waitUntil("the interrupted change is listed", () -> interrupted() != null);
        ResultEntry e = ConsoleDriver.fx(() -> interrupted().getValue().entry());
        assertEquals("Unknown \u2014 interrupted", e.outcomeText());
        assertEquals("Delete JWK", e.action());
        assertEquals("payments / " + JWK, e.target());
        assertEquals(CONNECTION + " (Apinizer, " + server.baseUrl() + ")", e.connection());
        String banner = ui.text("#notification");
        assertTrue(banner.startsWith("1 change was interrupted"), banner);

        // Checked while connected elsewhere (the demo): it says where to connect, and sends nothing.
        ui.interact(() -> ui.results().getSelectionModel().select(interrupted()));
        ui.click("#check-results");
        ui.waitUntil("it says where to connect", () -> ui.text("#notification").contains("connect to " + CONNECTION));

        // Connected to the server it went to: the check reads the JWK, finds it gone.
        ui.interact(() -> ui.context.main().connect(new ConnectionProfile(CONNECTION, BackendKind.APINIZER,
                server.baseUrl(), SignInMethod.PERSONAL_TOKEN, null, Secret.of(server.adminToken()), false)));
        ui.waitUntilLoaded();
        ui.interact(() -> ui.results().getSelectionModel().select(interrupted()));
        ui.click("#check-results");
        ui.waitUntil("the check found it", () -> ConsoleDriver.fx(() -> interrupted().getValue().entry().checked())
                .equals("it happened"));
        assertEquals("Unknown \u2014 interrupted, checked: it happened",
                ConsoleDriver.fx(() -> interrupted().getValue().entry().outcomeText()));
        List<String> details = ConsoleDriver.fx(() -> interrupted().getValue().entry().details());
        assertTrue(details.get(details.size() - 1).contains("JWK \u201C" + JWK + "\u201D is gone. So it happened."),
                details.toString());
        // The finding is in the journal, and the chain holds.
        ui.waitUntil("the finding is journalled", () -> ui.context.journal().history().stream()
                .anyMatch(h -> h.interrupted() && !h.checks().isEmpty()));
        assertTrue(ui.context.journal().verify().ok(), ui.context.journal().verify().summary());
    }
}
