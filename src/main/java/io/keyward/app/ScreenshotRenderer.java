package io.keyward.app;

import io.keyward.impact.Impacts;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.ui.common.ConfirmDialog;
import io.keyward.ui.connect.ConnectionsDialog;
import io.keyward.ui.connect.ConnectionsViewModel;
import io.keyward.ui.credentials.RemoveCredentialJwkDialog;
import io.keyward.ui.credentials.RemoveCredentialJwkDialogViewModel;
import io.keyward.ui.credentials.SetCredentialJwkDialog;
import io.keyward.ui.credentials.SetCredentialJwkDialogViewModel;
import io.keyward.ui.jwks.DeleteJwkDialog;
import io.keyward.ui.jwks.DeleteJwkDialogViewModel;
import io.keyward.ui.jwks.EditJwkDialog;
import io.keyward.ui.jwks.EditJwkDialogViewModel;
import io.keyward.ui.keys.DeleteKeyDialog;
import io.keyward.ui.keys.DeleteKeyDialogViewModel;
import io.keyward.ui.main.MainView;
import io.keyward.session.OutcomeCheck;
import io.keyward.session.Workspace;
import io.keyward.ui.main.ReconnectDialog;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Renders the main window and every dialog, as they look with the demo data, to PNG files and exits
 * ({@code --screenshots DIR}). Dialogs are shown without blocking, snapshotted one pulse later and closed.
 */
final class ScreenshotRenderer {

    /** Pause between steps; {@code -Dkeyward.settle=MS} lengthens it to watch a window manager settle. */
    private static final Duration SETTLE = Duration.millis(Integer.getInteger("keyward.settle", 400));

    private final Stage stage;
    private final MainView view;
    private final AppContext context;
    private final Path dir;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private int waited;

    ScreenshotRenderer(Stage stage, MainView view, AppContext context, Path dir) {
        this.stage = stage;
        this.view = view;
        this.context = context;
        this.dir = dir;
    }

    void start() {
        Workspace w = context.main().workspace();
        if (w.keys().isEmpty() || w.loadingProperty().get()) {
            if (++waited > 50) {
                fail("the demo data did not load");
                return;
            }
            later(this::start);
            return;
        }
        CryptoKey key = w.keys().stream()
                .max(Comparator.comparingLong(k -> w.jwks().stream().filter(j -> j.isDerivedFromKey(k.id())).count()))
                .orElseThrow();
        Jwk derived = w.jwks().stream().filter(j -> j.isDerivedFromKey(key.id())).findFirst().orElse(w.jwks().get(0));
        Credential holder = w.credentials().stream().filter(c -> c.slotsReported()
                && c.jwks().validationJwkName() != null).findFirst().orElse(w.credentials().get(0));

        // Two real changes first, so the results panel shows what an admin sees after working:
        // one with staging failing to deploy, one clean.
        Credential other = w.credentials().stream().filter(c -> c != holder && c.slotsReported()
                && c.jwks().encryptionJwkName() != null).findFirst().orElse(holder);
        Jwk generated = w.jwks().stream().filter(j -> !j.isAttachedToSource()).findFirst().orElse(w.jwks().get(0));
        var connection = w.connection();
        var client = connection.client();
        var project = w.project();
        steps.add(() -> {
            context.sandbox().faults().setFailingEnvironment("staging");
            context.main().mutations().run(connection, project, "Remove encryption JWK",
                    project.name() + " / " + other.username(),
                    () -> client.credentialJwkSlots().orElseThrow().removeCredentialJwk(project, other.username(),
                            CredentialSlot.ENCRYPTION), OutcomeCheck.unchecked(), r -> { }, context.main()::failed);
        });
        steps.add(() -> {
            context.sandbox().faults().reset();
            context.main().mutations().run(connection, project, "Update JWK description",
                    project.name() + " / " + generated.name(),
                    () -> client.jwks().orElseThrow().updateJwk(project, generated.name(),
                            new io.keyward.model.JwkUpdate(null, generated.description() + " (reviewed)")),
                    OutcomeCheck.unchecked(), r -> { }, context.main()::failed);
        });
        steps.add(() -> {
            view.tabs().getSelectionModel().select(0);
            select("keys-table", key);
        });
        steps.add(() -> snap(stage.getScene().getRoot(), "main-window.png"));
        dialog("delete-key-dialog.png", () -> new DeleteKeyDialog(new DeleteKeyDialogViewModel(
                Impacts.keyDeletion(key, w.jwks(), w.credentials(), w.environments())).at(where(w))).build(stage));
        dialog("delete-key-dialog-delete-action.png", () -> {
            DeleteKeyDialogViewModel vm = new DeleteKeyDialogViewModel(
                    Impacts.keyDeletion(key, w.jwks(), w.credentials(), w.environments())).at(where(w));
            vm.actionProperty().set(DerivedJwkPolicy.DELETE);
            vm.confirm().typedProperty().set(key.name());
            var d = new DeleteKeyDialog(vm).build(stage);
            d.getDialogPane().lookupAll(".radio-button").forEach(n -> {
                var rb = (javafx.scene.control.RadioButton) n;
                rb.setSelected(rb.getUserData() == DerivedJwkPolicy.DELETE);
            });
            return d;
        });
        dialog("delete-jwk-dialog.png", () -> new DeleteJwkDialog(new DeleteJwkDialogViewModel(
                Impacts.jwkDeletion(derived, w.keys(), w.credentials(), w.environments())).at(where(w))).build(stage));
        dialog("edit-jwk-dialog.png", () -> {
            Set<String> others = w.jwks().stream().map(Jwk::name).filter(n -> !n.equals(derived.name()))
                    .collect(Collectors.toSet());
            EditJwkDialogViewModel vm = new EditJwkDialogViewModel(derived, others, (u, ok, failed) -> { });
            vm.nameProperty().set(others.iterator().next()); // shows the inline uniqueness error
            return new EditJwkDialog(vm.at(where(w))).build(stage);
        });
        dialog("remove-credential-jwk-dialog.png", () -> new RemoveCredentialJwkDialog(
                new RemoveCredentialJwkDialogViewModel(Impacts.slotRemoval(holder, CredentialSlot.VALIDATION,
                        w.environments())).at(where(w))).build(stage));
        dialog("set-credential-jwk-dialog.png", () -> {
            SetCredentialJwkDialogViewModel vm = new SetCredentialJwkDialogViewModel(holder, CredentialSlot.ENCRYPTION,
                    w.jwks(), w.environmentNames()).at(where(w));
            var d = new SetCredentialJwkDialog(vm).build(stage);
            @SuppressWarnings("unchecked")
            var list = (javafx.scene.control.ListView<Jwk>) d.getDialogPane().lookup("#jwk-choices");
            list.getSelectionModel().select(0);
            return d;
        });
        dialog("connections-dialog.png", () -> new ConnectionsDialog(new ConnectionsViewModel(
                context.main().profiles(), context.main().activeProperty().get(), p -> null, context.executor(),
                p -> { }, context.main().secretStore())).build(stage));
        dialog("reconnect-dialog.png", () -> new ReconnectDialog(new ReconnectDialog.Prompt(
                "Loading projects failed: Invalid token (HTTP 401).\n\nThe credentials for \u201CDemo sandbox\u201D "
                        + "may have expired or been revoked. Reconnect?")).build(stage));
        trouble(w, generated);
        bulk(w, key, derived, generated);
        ampersand(w);
        steps.add(() -> {
            System.out.println("screenshots=" + dir.toAbsolutePath());
            Platform.exit();
        });
        next();
    }

    /**
     * What an admin sees when things go wrong: a change whose answer was lost (the sandbox applies it and
     * drops the connection), recorded as unknown and then checked against the server; and a reload in
     * which the keys list fails, so its last good rows are kept and marked stale. Then the clear-results
     * confirmation, and the sandbox back to normal.
     */
    private void trouble(Workspace w, Jwk generated) {
        steps.add(() -> {
            var c = w.connection();
            var p = w.project();
            var api = c.client().jwks().orElseThrow();
            var update = new io.keyward.model.JwkUpdate(null, "Rotated by the IdP team, December");
            context.sandbox().faults().setCommitThenDropNext(1);
            context.main().mutations().run(c, p, "Update JWK description", p.name() + " / " + generated.name(),
                    () -> api.updateJwk(p, generated.name(), update),
                    () -> io.keyward.ui.jwks.JwkListViewModel.updateFinding(generated, update, api.listJwks(p)),
                    r -> { }, e -> { });
        });
        waitFor("the lost answer to be checked", () -> !context.main().mutations().isRunning()
                && context.main().results().entries().stream().anyMatch(e -> e.details().stream()
                        .anyMatch(d -> d.startsWith("Checked"))));
        steps.add(() -> {
            context.sandbox().faults().setFailingPath("/keys/");
            w.reload();
        });
        waitFor("the keys list to fail", () -> w.keyList().state().isFailed() && !w.loadingProperty().get());
        steps.add(() -> view.tabs().getSelectionModel().select(0));
        steps.add(() -> snap(stage.getScene().getRoot(), "main-window-trouble.png"));
        dialog("clear-results-dialog.png", () -> new ConfirmDialog(context.main().results().clearPrompt()).build(stage));
        steps.add(() -> {
            context.sandbox().faults().reset();
            w.reload();
        });
        waitFor("the keys to load again", () -> !w.loadingProperty().get() && !w.keyList().state().isFailed());
    }

    /**
     * A bulk deletion of six JWKs: its confirmation (every credential slot holding them, one JWK gone from the
     * server meanwhile), then a real run against a sandbox that fails on staging, loses one answer and is slow,
     * cancelled after its first four calls; the main window with the run's group open in the results. The
     * JWKs the other screenshots use are left alone.
     */
    private void bulk(Workspace w, CryptoKey key, Jwk derived, Jwk generated) {
        java.util.List<Jwk> six = new java.util.ArrayList<>();
        io.keyward.session.Snapshot[] snapshot = new io.keyward.session.Snapshot[1];
        io.keyward.ui.common.BulkDeleteDialogViewModel<?>[] confirmation = new io.keyward.ui.common.BulkDeleteDialogViewModel<?>[1];
        java.util.List<String> gone = java.util.List.of("retired-2024-signing");
        steps.add(() -> {
            w.jwks().stream().filter(j -> !j.name().equals(derived.name()) && !j.name().equals(generated.name())
                    && !j.isDerivedFromKey(key.id())).limit(6).forEach(six::add);
            snapshot[0] = new io.keyward.session.Snapshot(w.connection(), w.project(), w.environments(), w.keys(),
                    w.jwks(), w.credentials(), w.jwtKeys());
        });
        dialog("bulk-delete-dialog.png", () -> {
            var vm = io.keyward.ui.jwks.BulkJwkDeletion.confirmation(snapshot[0], six, gone);
            vm.confirm().typedProperty().set(String.valueOf(six.size()));
            confirmation[0] = vm;
            return new io.keyward.ui.common.BulkDeleteDialog<>(vm).build(stage);
        });
        steps.add(() -> {
            // Slow enough that the cancel, one step later, comes while the first four calls are under way.
            context.sandbox().faults().setLatencyMillis(Math.max(900, 3 * (long) SETTLE.toMillis()))
                    .setFailingEnvironment("staging").setCommitThenDropNext(1);
            @SuppressWarnings("unchecked")
            var vm = (io.keyward.ui.common.BulkDeleteDialogViewModel<Boolean>) confirmation[0];
            context.main().mutations().bulk().start(io.keyward.ui.jwks.BulkJwkDeletion.plan(snapshot[0], six, gone, vm));
        });
        steps.add(() -> context.main().mutations().bulk().cancel()); // the first four are under way
        waitFor("the bulk run to end and its lost answer to be checked", () -> !context.main().mutations().isRunning()
                && context.main().results().entries().stream().anyMatch(e -> e.bulkId() != null && e.isUnknown()
                && !e.checked().isEmpty()));
        steps.add(() -> {
            context.sandbox().faults().reset();
            w.reload();
        });
        waitFor("the lists to load again", () -> !w.loadingProperty().get());
        double[] divider = new double[1];
        steps.add(() -> {
            view.tabs().getSelectionModel().select(1);
            var split = (javafx.scene.control.SplitPane) stage.getScene().lookup("#main-split");
            divider[0] = split.getDividerPositions()[0];
            split.setDividerPositions(0.42);
            // The run's group open, its items closed but one with a failing environment.
            @SuppressWarnings("unchecked")
            var tree = (javafx.scene.control.TreeTableView<io.keyward.ui.results.ResultsView.Row>) stage.getScene()
                    .lookup("#results");
            boolean[] shown = {false};
            for (var day : tree.getRoot().getChildren()) {
                for (var row : day.getChildren()) {
                    if (row.getValue().isGroup()) {
                        row.setExpanded(true);
                        for (var item : row.getChildren()) {
                            boolean open = !shown[0] && item.getValue().entry().outcome()
                                    == io.keyward.session.ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES;
                            item.setExpanded(open);
                            shown[0] |= open;
                        }
                        tree.getSelectionModel().select(row);
                        tree.scrollTo(Math.max(0, tree.getRow(row)));
                    } else {
                        row.setExpanded(false);
                    }
                }
            }
        });
        steps.add(() -> snap(stage.getScene().getRoot(), "main-window-bulk-results.png"));
        steps.add(() -> ((javafx.scene.control.SplitPane) stage.getScene().lookup("#main-split"))
                .setDividerPositions(divider[0]));
    }

    /**
     * The same for the Ampersand demo: connect to it as a user would pick it, make three real changes
     * (a key created, one deactivated, a delete that the server answers 404 with a problem), then the
     * main window and the JWT-key dialogs, including the last active key of partner-sso.
     */
    private void ampersand(Workspace w) {
        steps.add(() -> context.main().connect(context.main().profiles().stream()
                .filter(p -> p.name().equals(AppContext.AMPERSAND_DEMO_PROFILE)).findFirst().orElseThrow()));
        waitFor("the Ampersand demo to load", () -> !w.jwtKeys().isEmpty() && !w.loadingProperty().get());
        String[] pem = new String[1];
        steps.add(() -> {
            var generated = io.keyward.crypto.RsaKeyGeneration.generate(2048);
            generated.discardPrivateKey(); // only its public half is needed here
            pem[0] = generated.spkiPem();
            var c = w.connection();
            var p = w.project();
            var api = c.client().jwtKeys().orElseThrow();
            context.main().mutations().run(c, p, "Create JWT key", p.name() + " / signing-2026", () -> {
                String kid = api.createJwtKey(p, new io.keyward.model.NewJwtKey("signing-2026", pem[0]));
                return io.keyward.model.MutationResult.done("Created; id " + kid);
            }, OutcomeCheck.unchecked(), r -> { }, context.main()::failed);
        });
        waitFor("the create to finish", () -> !context.main().mutations().isRunning() && !w.loadingProperty().get());
        steps.add(() -> {
            var c = w.connection();
            var p = w.project();
            var api = c.client().jwtKeys().orElseThrow();
            JwtKey old = w.jwtKeys().stream().filter(JwtKey::isActive).filter(k -> !k.label().equals("signing-2026"))
                    .findFirst().orElseThrow();
            context.main().mutations().run(c, p, "Deactivate JWT key", p.name() + " / " + old.label() + " (" + old.id() + ")",
                    () -> {
                        JwtKey after = api.updateJwtKey(p, old.id(), io.keyward.model.JwtKeyUpdate.activate(false));
                        return io.keyward.model.MutationResult.done(after.isActive() ? "The server reports it active."
                                : "The server reports it inactive.");
                    }, OutcomeCheck.unchecked(), r -> { }, context.main()::failed);
        });
        waitFor("the deactivation to finish", () -> !context.main().mutations().isRunning() && !w.loadingProperty().get());
        steps.add(() -> {
            var c = w.connection();
            var p = w.project();
            var api = c.client().jwtKeys().orElseThrow();
            String gone = "00000000-0000-4000-8000-000000000000";
            context.main().mutations().run(c, p, "Delete JWT key", p.name() + " / retired-2024 (" + gone + ")", () -> {
                api.deleteJwtKey(p, gone);
                return io.keyward.model.MutationResult.done("Deleted.");
            }, OutcomeCheck.unchecked(), r -> { }, e -> { });
        });
        waitFor("the failing delete to finish", () -> !context.main().mutations().isRunning() && !w.loadingProperty().get());
        steps.add(() -> {
            view.tabs().getSelectionModel().select(0);
            select("jwtkeys-table", w.jwtKeys().stream().filter(k -> k.label().equals("signing-2026")).findFirst()
                    .orElse(w.jwtKeys().get(0)));
        });
        steps.add(() -> snap(stage.getScene().getRoot(), "main-window-ampersand.png"));
        dialog("create-jwt-key-dialog.png", () -> {
            var vm = new io.keyward.ui.jwtkeys.CreateJwtKeyDialogViewModel(where(w), java.util.Set.of(), context.executor(),
                    new io.keyward.ui.common.FxDialogService(() -> stage), (k, ok, failed) -> { });
            vm.labelProperty().set("signing-2027");
            vm.pemProperty().set(pem[0]);
            return new io.keyward.ui.jwtkeys.CreateJwtKeyDialog(vm).build(stage);
        });
        dialog("rename-jwt-key-dialog.png", () -> {
            JwtKey k = w.jwtKeys().get(0);
            var vm = new io.keyward.ui.jwtkeys.RenameJwtKeyDialogViewModel(k, java.util.Set.of(),
                    where(w), (l, ok, failed) -> { });
            vm.labelProperty().set(k.label() + "-2026");
            return new io.keyward.ui.jwtkeys.RenameJwtKeyDialog(vm).build(stage);
        });
        dialog("delete-jwt-key-dialog-repeated-label.png", () -> {
            JwtKey twin = w.jwtKeys().stream().filter(k -> w.jwtKeys().stream()
                    .filter(o -> o.label().equals(k.label())).count() > 1).findFirst().orElse(w.jwtKeys().get(0));
            var vm = new io.keyward.ui.jwtkeys.DeleteJwtKeyDialogViewModel(
                    io.keyward.impact.JwtKeyImpact.of(twin, w.jwtKeys()), where(w));
            return new io.keyward.ui.jwtkeys.DeleteJwtKeyDialog(vm).build(stage);
        });
        steps.add(() -> context.main().projects().selectedProperty().set(context.main().projects().projects().stream()
                .filter(p -> p.name().equals("partner-sso")).findFirst().orElseThrow()));
        waitFor("partner-sso to load", () -> !w.loadingProperty().get() && w.project() != null
                && w.project().name().equals("partner-sso") && !w.jwtKeys().isEmpty());
        dialog("deactivate-jwt-key-dialog.png", () -> {
            JwtKey last = w.jwtKeys().stream().filter(JwtKey::isActive).findFirst().orElseThrow();
            var vm = new io.keyward.ui.jwtkeys.JwtKeyActivationDialogViewModel(
                    io.keyward.impact.JwtKeyImpact.of(last, w.jwtKeys()), false, where(w));
            return new io.keyward.ui.jwtkeys.JwtKeyActivationDialog(vm).build(stage);
        });
        dialog("delete-jwt-key-dialog.png", () -> {
            JwtKey last = w.jwtKeys().stream().filter(JwtKey::isActive).findFirst().orElseThrow();
            var vm = new io.keyward.ui.jwtkeys.DeleteJwtKeyDialogViewModel(
                    io.keyward.impact.JwtKeyImpact.of(last, w.jwtKeys()), where(w));
            vm.confirm().typedProperty().set(last.label());
            return new io.keyward.ui.jwtkeys.DeleteJwtKeyDialog(vm).build(stage);
        });
        dialog("connections-dialog-ampersand.png", () -> new ConnectionsDialog(new ConnectionsViewModel(
                context.main().profiles(), context.main().activeProperty().get(), p -> null, context.executor(),
                p -> { }, context.main().secretStore())).build(stage));
        // A new on-premises connection: a company CA, a proxy that asks for a password.
        dialog("connections-dialog-network.png", () -> {
            ConnectionsViewModel vm = new ConnectionsViewModel(javafx.collections.FXCollections.observableArrayList(),
                    null, p -> null, context.executor(), p -> { }, context.main().secretStore());
            vm.newProfile();
            vm.nameProperty().set("Production manager (on premises)");
            vm.urlProperty().set("https://apinizer-manager.corp.example");
            vm.secretProperty().set("not-a-real-token");
            vm.trustedCas().add(sampleCa());
            vm.proxyModeProperty().set(ConnectionsViewModel.ProxyMode.MANUAL);
            vm.proxyHostProperty().set("proxy.corp.example");
            vm.proxyPortProperty().set("3128");
            vm.proxyUsernameProperty().set("svc-keyward");
            var d = new ConnectionsDialog(vm).build(stage);
            if (d.getDialogPane().lookup("#profile-network") instanceof javafx.scene.control.TitledPane t) {
                t.setExpanded(true);
            }
            return d;
        });
        dialog("trust-ca-dialog.png", () -> new io.keyward.ui.connect.TrustCaDialog(
                new io.keyward.ui.connect.TrustCaDialogViewModel(sampleCa(), "Production manager (on premises)",
                        "the file corp-root-ca.pem", java.time.Instant.now())).build(stage));
    }

    /** A real, public root CA from the runtime's own trust store, to show what the trust dialog shows. */
    private static io.keyward.crypto.CaCertificate sampleCa() {
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty("java.home"),
                "lib", "security", "cacerts"))) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            ks.load(in, null);
            java.util.List<String> aliases = java.util.Collections.list(ks.aliases());
            java.util.Collections.sort(aliases);
            // One most administrators will recognise, where the runtime has it.
            aliases.sort(java.util.Comparator.comparing((String a) -> !a.contains("isrgrootx1")));
            for (String alias : aliases) {
                if (ks.getCertificate(alias) instanceof java.security.cert.X509Certificate c && c.getBasicConstraints() >= 0) {
                    return io.keyward.crypto.CaCertificate.of(c);
                }
            }
            throw new IllegalStateException("no CA in the runtime's trust store");
        } catch (Exception e) {
            throw new IllegalStateException("the runtime's trust store could not be read: " + e.getMessage(), e);
        }
    }

    private static io.keyward.ui.common.Where where(Workspace w) {
        return io.keyward.ui.common.Where.of(w.connection(), w.project());
    }

    /** A step that holds the queue until {@code ready}, checking once per settle period. */
    private void waitFor(String what, java.util.function.BooleanSupplier ready) {
        int[] tries = new int[1];
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (!ready.getAsBoolean()) {
                if (++tries[0] > 60) {
                    fail("timed out waiting for " + what);
                    return;
                }
                steps.addFirst(self[0]);
            }
        };
        steps.add(self[0]);
    }

    private void dialog(String file, Supplier<Dialog<?>> build) {
        Dialog<?>[] open = new Dialog<?>[1];
        steps.add(() -> {
            open[0] = io.keyward.ui.common.DialogFrames.growWithContent(build.get());
            open[0].show();
        });
        steps.add(() -> snap(open[0].getDialogPane().getScene().getRoot(), file));
        // Closed one step later: a script watching for "wrote" can capture the real window meanwhile.
        steps.add(() -> open[0].close());
    }

    @SuppressWarnings("unchecked")
    private <T> void select(String tableId, T item) {
        TableView<T> table = (TableView<T>) stage.getScene().lookup("#" + tableId);
        table.getSelectionModel().select(item);
        table.scrollTo(item);
    }

    private void snap(Node node, String file) {
        try {
            PngWriter.write(node.snapshot(null, null), dir.resolve(file));
            System.out.println("wrote " + dir.resolve(file));
        } catch (Exception e) {
            fail("could not write " + file + ": " + e.getMessage());
        }
    }

    private void next() {
        Runnable step = steps.poll();
        if (step != null) {
            step.run();
            later(this::next);
        }
    }

    private void later(Runnable r) {
        PauseTransition p = new PauseTransition(SETTLE);
        p.setOnFinished(e -> r.run());
        p.play();
    }

    private void fail(String why) {
        System.err.println("keyward: screenshots failed: " + why);
        steps.clear();
        Platform.exit();
    }
}
