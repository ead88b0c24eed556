package io.keyward.ui.jwtkeys;

import io.keyward.crypto.KeyFileException;
import io.keyward.crypto.KeyFileProtection;
import io.keyward.crypto.KeyFormatException;
import io.keyward.crypto.PublicKeyPem;
import io.keyward.crypto.RsaKeyGeneration;
import io.keyward.crypto.RsaPublicKeyInfo;
import io.keyward.model.MutationResult;
import io.keyward.model.NewJwtKey;
import io.keyward.session.BackgroundTask;
import io.keyward.session.ErrorText;
import io.keyward.session.TaskExecutor;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.ServerProblem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creating a JWT key: a label and an RSA public key, pasted, loaded from a file, or generated here.
 * The key is checked before anything is sent (an RSA public key of at least 2048 bits; its size and
 * thumbprint are shown) and the normalized SPKI PEM is what goes to the server. A generated key
 * pair's private half is written once, owner-only, to a file the admin chooses, and dropped: it is
 * never sent, logged or kept. The dialog stays open while the server answers, so a rejection is
 * shown next to the field it concerns.
 */
public final class CreateJwtKeyDialogViewModel {

    /** Sends the key; calls back with the result or the failure (on the FX thread). */
    public interface Creator {
        void create(NewJwtKey key, Consumer<MutationResult> onSuccess, Consumer<Throwable> onFailure);
    }

    static final int MAX_LABEL = 255;
    /** A PEM public key is a few kB; anything much larger is not one, and is not read whole. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private final io.keyward.ui.common.Where where;
    private final Set<String> existingLabels;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Creator creator;

    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty pem = new SimpleStringProperty("");
    private final ObservableList<Integer> keySizes = FXCollections.observableArrayList(RsaKeyGeneration.SUPPORTED_SIZES);
    private final ObjectProperty<Integer> keySize = new SimpleObjectProperty<>(3072);
    private final ReadOnlyStringWrapper labelError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper labelWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keySummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper privateKeyNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper privateKeyWarning = new ReadOnlyBooleanWrapper(false);
    private final ServerProblem problem = new ServerProblem();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCreate;
    private RsaPublicKeyInfo parsed;
    private String generatedPem;

    public CreateJwtKeyDialogViewModel(io.keyward.ui.common.Where where, Set<String> existingLabels, TaskExecutor executor,
                                       DialogService dialogs, Creator creator) {
        this.where = where;
        this.existingLabels = Set.copyOf(existingLabels);
        this.executor = executor;
        this.dialogs = dialogs;
        this.creator = creator;
        label.addListener((o, a, b) -> checkLabel());
        pem.addListener((o, a, b) -> checkKey());
        canCreate = Bindings.createBooleanBinding(() -> labelError.get().isEmpty() && keyError.get().isEmpty()
                        && !label.get().isBlank() && !pem.get().isBlank() && !saving.get() && !working.get(),
                labelError, keyError, label, pem, saving, working);
        checkLabel();
        checkKey();
    }

    private void checkLabel() {
        String l = label.get() == null ? "" : label.get().strip();
        if (l.isEmpty()) {
            labelError.set(label.get() == null || label.get().isEmpty() ? "" : "A JWT key needs a label.");
        } else if (l.length() > MAX_LABEL) {
            labelError.set("A label has at most " + MAX_LABEL + " characters (this one has " + l.length() + ").");
        } else {
            labelError.set("");
        }
        labelWarning.set(existingLabels.contains(l) ? "Another key of this project is labelled \u201C" + l
                + "\u201D. That is allowed, but the two are then told apart by their ids only." : "");
    }

    private void checkKey() {
        String text = pem.get() == null ? "" : pem.get();
        parsed = null;
        if (text.isBlank()) {
            keyError.set("");
            keySummary.set("");
        } else {
            try {
                parsed = PublicKeyPem.parse(text);
                keyError.set("");
                keySummary.set("RSA public key, " + parsed.bits() + " bits. Thumbprint (RFC 7638, SHA-256): "
                        + parsed.thumbprint());
            } catch (KeyFormatException e) {
                keyError.set(e.getMessage());
                keySummary.set("");
            }
        }
        if (generatedPem != null && !generatedPem.equals(text)) {
            // The key was changed after generating: the saved private key no longer belongs to it.
            generatedPem = null;
            privateKeyNote.set("");
            privateKeyWarning.set(false);
        }
    }

    /** Reads a PEM file the admin picks into the key field (off the FX thread; at most 64 kB). */
    public void loadFile() {
        dialogs.chooseFileToOpen(new DialogService.FileRequest("Load an RSA public key (PEM)", null,
                List.of("PEM public keys|*.pem|*.pub|*.key|*.txt", "All files|*"))).ifPresent(path -> {
                    working.set(true);
                    BackgroundTask.of(() -> read(path))
                            .onSuccess(pem::set)
                            .onFailure(e -> keyError.set(e.getMessage() == null ? "The file could not be read."
                                    : e.getMessage()))
                            .onFinished(() -> working.set(false))
                            .executeWith(executor);
                });
    }

    static String read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("\u201C" + path.getFileName() + "\u201D is larger than 64 kB, too large to be a "
                        + "PEM public key.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().endsWith("public key.")) {
                throw e;
            }
            throw new IOException("\u201C" + path + "\u201D could not be read (" + e.getClass().getSimpleName() + ").");
        }
    }

    /**
     * Generates a key pair (off the FX thread), asks where to save the private key, writes it there
     * owner-only and puts the public key into the form. Cancelling the save discards the pair.
     */
    public void generate() {
        int bits = keySize.get() == null ? 3072 : keySize.get();
        working.set(true);
        privateKeyNote.set("Generating an RSA " + bits + "-bit key pair\u2026");
        privateKeyWarning.set(false);
        BackgroundTask.of(() -> RsaKeyGeneration.generate(bits))
                .onSuccess(this::savePrivateKey)
                .onFailure(e -> {
                    working.set(false);
                    privateKeyNote.set("The key pair could not be generated: " + ErrorText.sentence(e));
                    privateKeyWarning.set(true);
                })
                .executeWith(executor);
    }

    private void savePrivateKey(RsaKeyGeneration pair) {
        String suggested = (label.get() == null || label.get().isBlank() ? "jwt-key" : safeFileName(label.get().strip()))
                + "-private.pem";
        var target = dialogs.chooseFileToSave(new DialogService.FileRequest(
                "Save the private key (it is not kept anywhere else)", suggested, List.of("PEM private key|*.pem")));
        if (target.isEmpty()) {
            pair.discardPrivateKey();
            working.set(false);
            privateKeyNote.set("The generated key pair was discarded: its private key was not saved, so it is not used.");
            privateKeyWarning.set(true);
            return;
        }
        Path path = target.get();
        BackgroundTask.of(() -> pair.writePrivateKey(path))
                .onSuccess(protection -> {
                    generatedPem = pair.spkiPem();
                    pem.set(pair.spkiPem());
                    privateKeyNote.set(protection == KeyFileProtection.NOT_RESTRICTED
                            ? "Private key saved to " + path + ", but this file system does not let Keyward restrict "
                            + "who can read it: move it somewhere only you can read. It is not kept anywhere else."
                            : "Private key saved to " + path + ", readable by you only. It is not kept anywhere else "
                            + "and is never sent: keep it safe, it signs the tokens this key verifies.");
                    privateKeyWarning.set(protection == KeyFileProtection.NOT_RESTRICTED);
                })
                .onFailure(e -> {
                    pair.discardPrivateKey();
                    privateKeyNote.set((e instanceof KeyFileException ? e.getMessage() : ErrorText.sentence(e))
                            + " The generated key pair was discarded.");
                    privateKeyWarning.set(true);
                })
                .onFinished(() -> working.set(false))
                .executeWith(executor);
    }

    static String safeFileName(String s) {
        String cleaned = s.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return cleaned.isEmpty() ? "jwt-key" : cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }

    /** Sends the label and the normalized public key; the dialog closes when the server accepted it. */
    public void create() {
        checkLabel();
        checkKey();
        if (!canCreate.get() || parsed == null) {
            if (label.get().isBlank()) {
                labelError.set("A JWT key needs a label.");
            }
            return;
        }
        saving.set(true);
        problem.clear();
        creator.create(new NewJwtKey(label.get().strip(), parsed.spkiPem()), result -> {
            saving.set(false);
            done.set(true);
        }, e -> {
            saving.set(false);
            showFailure(e);
        });
    }

    private void showFailure(Throwable e) {
        List<String> fields = ServerProblem.fields(e);
        boolean aboutLabel = fields.stream().anyMatch(f -> f.equals("label") || f.equals("name"));
        boolean aboutKey = fields.stream().anyMatch(f -> f.equals("publicKeyPem") || f.equals("algorithm"));
        if (aboutLabel) {
            labelError.set(ErrorText.sentence(e));
        } else if (aboutKey) {
            keyError.set(ErrorText.sentence(e));
        }
        problem.show(e, aboutLabel || aboutKey);
    }

    // ------------------------------------------------------------------ properties

    public io.keyward.ui.common.Where where() {
        return where;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty pemProperty() {
        return pem;
    }

    public ObservableList<Integer> keySizes() {
        return keySizes;
    }

    public ObjectProperty<Integer> keySizeProperty() {
        return keySize;
    }

    public ReadOnlyStringProperty labelErrorProperty() {
        return labelError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelWarningProperty() {
        return labelWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keySummaryProperty() {
        return keySummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty privateKeyNoteProperty() {
        return privateKeyNote.getReadOnlyProperty();
    }

    /** True when the private-key note is a warning (discarded, not restricted, failed). */
    public ReadOnlyBooleanProperty privateKeyWarningProperty() {
        return privateKeyWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty generalErrorProperty() {
        return problem.messageProperty();
    }

    /** What the server's problem details explain: remedy, fields, causes, request id. */
    public ObservableList<String> problemDetails() {
        return problem.details();
    }

    public ReadOnlyStringProperty requestIdProperty() {
        return problem.requestIdProperty();
    }

    /** Generating, saving or loading a file. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }
}
