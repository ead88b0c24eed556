package io.keyward.ui.jwtkeys;

import io.keyward.crypto.PublicKeyPem;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.ProblemDetails;
import io.keyward.model.MutationResult;
import io.keyward.model.NewJwtKey;
import io.keyward.session.DirectTaskExecutor;
import io.keyward.ui.FakeDialogService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The create dialog's checks before sending, key generation and file handling, and the server's answer. */
class CreateJwtKeyDialogViewModelTest {

    @TempDir
    Path dir;

    final FakeDialogService dialogs = new FakeDialogService();
    final List<NewJwtKey> sent = new ArrayList<>();
    Throwable answerWith; // null: the server accepts

    CreateJwtKeyDialogViewModel vm() {
        return new CreateJwtKeyDialogViewModel(new io.keyward.ui.common.Where("Lab (Ampersand, https://lab.example/v1)", "p"),
                Set.of("prod"), new DirectTaskExecutor(), dialogs, this::create);
    }

    void create(NewJwtKey key, Consumer<MutationResult> ok, Consumer<Throwable> failed) {
        sent.add(key);
        if (answerWith == null) {
            ok.accept(MutationResult.done("Created; id k-1"));
        } else {
            failed.accept(answerWith);
        }
    }

    static RSAPublicKey rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return (RSAPublicKey) g.generateKeyPair().getPublic();
    }

    static String spki(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aPastedKeyIsCheckedAndItsSizeAndThumbprintShownBeforeAnythingIsSent() throws Exception {
        RSAPublicKey key = rsa(2048);
        CreateJwtKeyDialogViewModel vm = vm();
        assertFalse(vm.canCreateProperty().get(), "nothing typed yet");
        vm.labelProperty().set("signing-2026");
        vm.pemProperty().set("copied from the wiki:\r\n" + spki(key).replace("\n", "\r\n") + "  ");

        String thumbprint = PublicKeyPem.parse(spki(key)).thumbprint();
        assertEquals("RSA public key, 2048 bits. Thumbprint (RFC 7638, SHA-256): " + thumbprint,
                vm.keySummaryProperty().get());
        assertEquals("", vm.keyErrorProperty().get());
        assertTrue(vm.canCreateProperty().get());

        vm.create();
        assertEquals(List.of(new NewJwtKey("signing-2026", spki(key))), sent, "the normalized SPKI PEM is sent");
        assertTrue(vm.doneProperty().get());
    }

    @Test
    void aPrivateKeyIsRefusedAndNeverSent() throws Exception {
        CreateJwtKeyDialogViewModel vm = vm();
        vm.labelProperty().set("oops");
        vm.pemProperty().set("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n");
        assertTrue(vm.keyErrorProperty().get().contains("private key"), vm.keyErrorProperty().get());
        assertFalse(vm.keyErrorProperty().get().contains("MIIEvQ"), "the key text is never quoted back");
        assertFalse(vm.canCreateProperty().get());
        vm.create();
        assertTrue(sent.isEmpty());
    }

    @Test
    void aSmallOrNonRsaKeyIsRefusedWithItsReason() throws Exception {
        CreateJwtKeyDialogViewModel vm = vm();
        vm.labelProperty().set("small");
        vm.pemProperty().set(spki(rsa(1024)));
        assertTrue(vm.keyErrorProperty().get().contains("1024"), vm.keyErrorProperty().get());
        assertFalse(vm.canCreateProperty().get());

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        vm.pemProperty().set("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        assertTrue(vm.keyErrorProperty().get().contains("EC"), vm.keyErrorProperty().get());
        assertFalse(vm.canCreateProperty().get());
    }

    @Test
    void labelsAreCheckedAndARepeatedOneIsAWarningOnly() throws Exception {
        CreateJwtKeyDialogViewModel vm = vm();
        vm.pemProperty().set(spki(rsa(2048)));
        vm.labelProperty().set("   ");
        assertEquals("A JWT key needs a label.", vm.labelErrorProperty().get());
        assertFalse(vm.canCreateProperty().get());
        vm.labelProperty().set("x".repeat(256));
        assertTrue(vm.labelErrorProperty().get().contains("at most 255"), vm.labelErrorProperty().get());
        vm.labelProperty().set("prod");
        assertEquals("", vm.labelErrorProperty().get());
        assertTrue(vm.labelWarningProperty().get().contains("Another key of this project is labelled"));
        assertTrue(vm.canCreateProperty().get(), "Ampersand allows repeated labels");
    }

    @Test
    void generatingSavesThePrivateKeyOwnerOnlyAndFillsInTheMatchingPublicKey() throws Exception {
        Path file = dir.resolve("new-private.pem");
        dialogs.chooseFiles(file);
        CreateJwtKeyDialogViewModel vm = vm();
        vm.labelProperty().set("generated one");
        vm.keySizeProperty().set(2048);

        vm.generate();

        assertEquals("generated-one-private.pem", dialogs.fileRequests.get(0).initialName());
        assertTrue(Files.exists(file));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        String pem = Files.readString(file);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        RSAPublicKey pub = PublicKeyPem.parse(vm.pemProperty().get()).key();
        assertEquals(priv.getModulus(), pub.getModulus(), "the form holds the saved private key's public half");
        assertTrue(vm.privateKeyNoteProperty().get().contains(file.toString()));
        assertFalse(vm.privateKeyWarningProperty().get());
        assertFalse(vm.workingProperty().get());

        vm.create();
        assertEquals(1, sent.size());
        assertFalse(sent.get(0).publicKeyPem().contains("PRIVATE"), "only the public key goes to the server");
        assertFalse(sent.get(0).toString().contains(pem.substring(40, 80)));
    }

    @Test
    void cancellingTheSaveDiscardsTheGeneratedPair() {
        CreateJwtKeyDialogViewModel vm = vm(); // no file chosen: the chooser is cancelled
        vm.generate();
        assertEquals("", vm.pemProperty().get());
        assertTrue(vm.privateKeyNoteProperty().get().contains("discarded"));
        assertTrue(vm.privateKeyWarningProperty().get());
        assertFalse(vm.workingProperty().get());
    }

    @Test
    void aSaveThatFailsDiscardsThePairAndSaysWhy() {
        dialogs.chooseFiles(dir.resolve("no such dir").resolve("key.pem"));
        CreateJwtKeyDialogViewModel vm = vm();
        vm.generate();
        assertEquals("", vm.pemProperty().get());
        assertTrue(vm.privateKeyNoteProperty().get().endsWith("The generated key pair was discarded."),
                vm.privateKeyNoteProperty().get());
        assertTrue(vm.privateKeyWarningProperty().get());
    }

    @Test
    void editingTheGeneratedKeyDropsTheNoteAboutItsPrivateHalf() throws Exception {
        dialogs.chooseFiles(dir.resolve("k.pem"));
        CreateJwtKeyDialogViewModel vm = vm();
        vm.generate();
        assertFalse(vm.privateKeyNoteProperty().get().isEmpty());
        vm.pemProperty().set(spki(rsa(2048)));
        assertEquals("", vm.privateKeyNoteProperty().get(), "the saved private key does not belong to this key");
    }

    @Test
    void loadingAFileFillsTheKeyAndAHugeFileIsRefused() throws Exception {
        RSAPublicKey key = rsa(3072);
        Path pem = Files.writeString(dir.resolve("pub.pem"), spki(key));
        Path huge = Files.writeString(dir.resolve("huge.pem"), "x".repeat(70_000));
        dialogs.chooseFiles(pem, huge);
        CreateJwtKeyDialogViewModel vm = vm();

        vm.loadFile();
        assertEquals(spki(key), vm.pemProperty().get());
        assertTrue(vm.keySummaryProperty().get().contains("3072 bits"));

        vm.loadFile();
        assertTrue(vm.keyErrorProperty().get().contains("larger than 64 kB"), vm.keyErrorProperty().get());
        assertEquals(spki(key), vm.pemProperty().get(), "the key already there is kept");
    }

    @Test
    void aRejectedLabelIsShownAtTheLabelWithTheRemedyAndRequestId() throws Exception {
        ProblemDetails problem = new ProblemDetails("https://httpstatuses.com/400", "Bad Request", 400,
                "label too long", null, "shorten the label", List.of(), "req-7#1", false, null,
                List.of(new ProblemDetails.Issue("label", "must be at most 255 characters", null)));
        answerWith = new GatewayException(new Failure.Validation(List.of()), 400, null, "label too long", problem,
                "Creating JWT key \u201Cx\u201D in project \u201Cp\u201D failed: label too long (HTTP 400).", null);
        CreateJwtKeyDialogViewModel vm = vm();
        vm.labelProperty().set("x");
        vm.pemProperty().set(spki(rsa(2048)));

        vm.create();

        assertFalse(vm.doneProperty().get(), "the dialog stays open");
        assertTrue(vm.labelErrorProperty().get().contains("label too long (HTTP 400)"), vm.labelErrorProperty().get());
        assertEquals("", vm.generalErrorProperty().get());
        assertTrue(vm.problemDetails().contains("Remedy: shorten the label"), vm.problemDetails().toString());
        assertTrue(vm.problemDetails().contains("Request id: req-7#1"), vm.problemDetails().toString());
        assertEquals("req-7#1", vm.requestIdProperty().get());
        assertFalse(vm.canCreateProperty().get(), "the same label would be rejected again");
        vm.labelProperty().set("shorter");
        assertEquals("", vm.labelErrorProperty().get());
        assertTrue(vm.canCreateProperty().get(), "fixed: sendable again");
    }

    @Test
    void fileNamesSuggestedFromLabelsAreSafe() {
        assertEquals("prod-signing", CreateJwtKeyDialogViewModel.safeFileName("prod signing"));
        assertEquals("etc-passwd", CreateJwtKeyDialogViewModel.safeFileName("../../etc/passwd"));
        assertEquals("Zürich-key", CreateJwtKeyDialogViewModel.safeFileName("Zürich key"));
        assertEquals("jwt-key", CreateJwtKeyDialogViewModel.safeFileName("///"));
    }
}
