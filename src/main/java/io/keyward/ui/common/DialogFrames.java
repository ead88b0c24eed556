package io.keyward.ui.common;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Frames for confirmation dialogs. A destructive dialog makes Cancel the default button (Enter
 * cancels), Esc cancels, and the confirming button stays disabled until its gate opens.
 */
public final class DialogFrames {

    private static final double TITLE_BAR_ROOM = 32;
    /**
     * How long after a dialog is first sized the window system's sizes count as its own, not the user's
     * (milliseconds; {@code -Dkeyward.dialogSettleMs} changes it). Nobody drags a border that fast.
     */
    private static final int SETTLE_MS = 2000;
    /** The dialog pane's property holding {@link System#nanoTime()} at which its settling ends. */
    public static final String SETTLING_UNTIL = "keyward.settlingUntil";

    public static final String STYLESHEET = DialogFrames.class.getResource("/io/keyward/ui/keyward.css").toExternalForm();

    private DialogFrames() {
    }

    /**
     * @param answer what the dialog answers when confirmed (null counts as cancelled); Cancel, Esc
     *               and closing the window answer nothing
     */
    public static <R> Dialog<R> destructive(Window owner, String title, String header, ButtonType confirm,
                                            Node content, BooleanExpression allowed, Supplier<R> answer) {
        Dialog<R> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.setResizable(true);
        d.getDialogPane().getStylesheets().add(STYLESHEET);
        d.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        // Sized to its content: long lists inside scroll on their own (see limited()).
        d.getDialogPane().setContent(content);
        d.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button confirmButton = (Button) d.getDialogPane().lookupButton(confirm);
        confirmButton.setDefaultButton(false);
        confirmButton.getStyleClass().add("danger-button");
        if (allowed != null) {
            confirmButton.disableProperty().bind(allowed.not());
        }
        Button cancel = (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        cancel.setCancelButton(true);
        // Enter presses Cancel, unless the user has moved to the confirming button on purpose (Tab, or
        // Enter in a name that matches): then Enter presses what has the focus, as on every desktop.
        confirmButton.focusedProperty().addListener((o, was, now) -> {
            confirmButton.setDefaultButton(now);
            cancel.setDefaultButton(!now);
        });
        d.setResultConverter(b -> b == confirm ? answer.get() : null);
        return d;
    }

    /**
     * Makes a dialog's window follow its content until the user resizes it: it grows and shrinks back
     * when the content gets taller or wider, e.g. a choice that lists more lines or a test result, and
     * stays on the screen it is on; once the user has given it a size, that size holds. Some window
     * managers do not honour a window's request to grow once it is mapped (openbox under JavaFX 21's
     * GTK glass ignores it: JDK-8354943), so the content also sits in a scroll pane: whatever the
     * window's size, the buttons stay visible and the rest scrolls.
     */
    public static <R> Dialog<R> growWithContent(Dialog<R> d) {
        DialogPane pane = d.getDialogPane();
        Node content = pane.getContent();
        if (content != null && !(content instanceof ScrollPane)) {
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("edge-to-edge");
            scroll.setId("dialog-content");
            // Its preferred height is the content's at the width it gets, so the window opens big enough.
            // Before the first layout the viewport has no width yet: the content's own preferred width
            // stands in, or wrapping text would be measured one character wide and the window open too tall.
            scroll.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(() -> {
                double w = scroll.getViewportBounds().getWidth();
                return content.prefHeight(w > 10 ? w : content.prefWidth(-1));
            }, scroll.viewportBoundsProperty(), content.layoutBoundsProperty()));
            pane.setContent(scroll);
        }
        pane.setMinHeight(Region.USE_COMPUTED_SIZE);
        // Checked after every layout pulse while the dialog shows: a content change (a longer text, a
        // list that appears) does not reliably mark the dialog pane for layout under every toolkit.
        double[] auto = {-1, -1}; // the size this code last gave the window; another one means the user's
        Runnable fit = () -> fitToContent(d, auto);
        // Esc cancels whatever has the focus (a list would otherwise keep the key for itself).
        pane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                cancel(d);
            }
        });
        d.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> {
            Scene scene = pane.getScene();
            // When the window is shown its size is not known yet (NaN until the window system reports it):
            // the minimum size, the centring and the size this code gave it wait for the first pulse that has it.
            boolean[] sized = {false};
            long[] settleUntil = {0};
            Runnable firstThenFit = () -> {
                if (!sized[0]) {
                    if (!(d.getWidth() > 0 && d.getHeight() > 0 && scene.getWidth() > 0)) {
                        return;
                    }
                    sized[0] = true;
                    keepButtonsReachable(d);
                    centreOnOwner(d);
                    auto[0] = d.getWidth();
                    auto[1] = d.getHeight();
                    settleUntil[0] = System.nanoTime()
                            + Integer.getInteger("keyward.dialogSettleMs", SETTLE_MS) * 1_000_000L;
                    pane.getProperties().put(SETTLING_UNTIL, settleUntil[0]);
                }
                if (System.nanoTime() < settleUntil[0]) {
                    // Still being mapped: a size the window system gives now is not the user's. GTK's glass
                    // (JDK-8354943) may map a dialog at its minimum (200×200 by default) under a window
                    // manager such as openbox and drop the size it was opened with; fitting again asks for it.
                    auto[0] = d.getWidth();
                    auto[1] = d.getHeight();
                }
                fit.run();
            };
            scene.addPostLayoutPulseListener(firstThenFit);
            d.addEventHandler(DialogEvent.DIALOG_HIDDEN, h -> scene.removePostLayoutPulseListener(firstThenFit));
            firstThenFit.run();
        });
        return d;
    }

    /**
     * Sizes the window to its content's preferred size (wider, taller or shorter), but only while it
     * still has the size this code gave it. A window the user resized keeps the user's size: growing it
     * back at the next pulse would undo every shrink, and its content scrolls inside it anyway.
     */
    static void fitToContent(Dialog<?> d, double[] auto) {
        DialogPane pane = d.getDialogPane();
        Scene scene = pane.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return;
        }
        if (!isAuto(d, auto)) {
            return;
        }
        double width = d.getWidth() + Math.max(0, pane.prefWidth(-1) - scene.getWidth());
        double height = d.getHeight() + pane.prefHeight(scene.getWidth()) - scene.getHeight();
        if (scene.getWindow() instanceof javafx.stage.Stage stage) {
            // Never below the window's minimum: the window would not shrink, its scene would keep its
            // height, and the next pulse would ask for less again, without end.
            width = Math.max(width, stage.getMinWidth());
            height = Math.max(height, stage.getMinHeight());
        }
        // Never beyond the screen: past that the content scrolls inside the window, whose buttons stay in view.
        var screens = Screen.getScreensForRectangle(d.getX(), d.getY(), Math.max(1, d.getWidth()), Math.max(1, d.getHeight()));
        Rectangle2D area = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        width = Math.min(width, area.getWidth());
        height = Math.min(height, area.getHeight() - Math.min(TITLE_BAR_ROOM, area.getHeight() / 10));
        if (Math.abs(width - d.getWidth()) < 0.5 && Math.abs(height - d.getHeight()) < 0.5) {
            return;
        }
        d.setWidth(width);
        d.setHeight(height);
        centreOnOwner(d); // a size the code chose: keep it where it would have opened
        auto[0] = d.getWidth();
        auto[1] = d.getHeight();
    }

    private static boolean isAuto(Dialog<?> d, double[] auto) {
        return Math.abs(d.getWidth() - auto[0]) < 1 && Math.abs(d.getHeight() - auto[1]) < 1;
    }

    /** Presses the dialog's cancelling button (Cancel, Not now), or closes it when it has none. */
    static void cancel(Dialog<?> d) {
        for (ButtonType t : d.getDialogPane().getButtonTypes()) {
            if (t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE) {
                Node b = d.getDialogPane().lookupButton(t);
                if (b instanceof Button button) {
                    button.fire();
                    return;
                }
            }
        }
        d.close();
    }

    /** The window cannot be made so small that its buttons or header leave it. */
    static void keepButtonsReachable(Dialog<?> d) {
        DialogPane pane = d.getDialogPane();
        if (!(pane.getScene().getWindow() instanceof javafx.stage.Stage stage)) {
            return;
        }
        Node bar = pane.lookup(".button-bar");
        double chromeW = d.getWidth() - pane.getScene().getWidth();
        double chromeH = d.getHeight() - pane.getScene().getHeight();
        double barW = bar instanceof Region r ? r.prefWidth(-1) : 200;
        double barH = bar instanceof Region r ? r.prefHeight(-1) : 40;
        double headerH = pane.getHeader() != null ? pane.getHeader().prefHeight(-1)
                : pane.lookup(".header-panel") instanceof Region h ? h.prefHeight(-1) : 0;
        double minW = barW + pane.getPadding().getLeft() + pane.getPadding().getRight() + 24 + chromeW;
        double minH = headerH + barH + 80 + chromeH; // 80: a few lines of (scrolling) content
        // A small dialog can open below that minimum: then its own size is its minimum. Left to the stage,
        // a minimum above the size grows the window, which GTK glass turns into a resize without a width
        // (Gtk-CRITICAL "gtk_window_resize: width > 0"), and openbox then keeps the window at its minimum
        // width with the content cut.
        stage.setMinWidth(Math.min(minW, d.getWidth()));
        stage.setMinHeight(Math.min(minH, d.getHeight()));
    }

    /** Centred on its owner, on the screen the owner is on (never at 0,0 under the title bar). */
    static void centreOnOwner(Dialog<?> d) {
        Window owner = d.getOwner();
        if (owner != null && owner.isShowing() && owner.getWidth() > 0) {
            d.setX(owner.getX() + (owner.getWidth() - d.getWidth()) / 2);
            d.setY(owner.getY() + Math.max(0, (owner.getHeight() - d.getHeight()) / 3));
        }
        keepOnScreen(d);
    }

    /** Moves the window back onto the screen it is mostly on, title bar first. */
    static void keepOnScreen(Dialog<?> d) {
        var screens = Screen.getScreensForRectangle(d.getX(), d.getY(), Math.max(1, d.getWidth()),
                Math.max(1, d.getHeight()));
        Rectangle2D area = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        // Some window managers place the title bar above the given y: leave room for it at the top.
        double top = area.getMinY() + Math.min(TITLE_BAR_ROOM, Math.max(0, area.getHeight() - d.getHeight()));
        double x = Math.max(area.getMinX(), Math.min(d.getX(), area.getMaxX() - d.getWidth()));
        double y = Math.max(top, Math.min(d.getY(), area.getMaxY() - d.getHeight()));
        if (x != d.getX()) {
            d.setX(x);
        }
        if (y != d.getY()) {
            d.setY(y);
        }
    }

    /**
     * A form dialog whose confirming button does not close it: the button starts the work, and the
     * dialog closes (answering TRUE) only once {@code done} turns true, so what the server refuses is
     * shown in place and nothing typed is lost. Enabled while {@code allowed}; Cancel closes at once.
     */
    public static Dialog<Boolean> untilDone(Window owner, String title, String header, String paneId,
                                            String confirmLabel, Node content, BooleanExpression allowed,
                                            Runnable confirm, javafx.beans.value.ObservableBooleanValue done) {
        Dialog<Boolean> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.setResizable(true);
        d.getDialogPane().getStylesheets().add(STYLESHEET);
        d.getDialogPane().setId(paneId);
        ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().setContent(content);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        if (allowed != null) {
            okButton.disableProperty().bind(allowed.not());
        }
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // stays open until the work is done
            confirm.run();
        });
        done.addListener((o, was, now) -> {
            if (now) {
                d.setResult(Boolean.TRUE);
                d.close();
            }
        });
        d.setResultConverter(b -> done.get() ? Boolean.TRUE : null);
        return d;
    }

    public static ButtonType confirmType(String label) {
        return new ButtonType(label, ButtonBar.ButtonData.OK_DONE);
    }

    /**
     * "Type the name to confirm" with the exact text shown, and the field bound to the gate.
     *
     * @param what what is to be typed, e.g. "key name", "key label" or "key id"
     */
    public static VBox typeToConfirm(ConfirmByName gate, String what) {
        return typeToConfirm(gate, what, "To confirm, type the " + what + " exactly: " + gate.name());
    }

    /** The same with a prompt of its own, e.g. "Type 12 to delete 12 JWKs." */
    public static VBox typeToConfirm(ConfirmByName gate, String what, String promptText) {
        Label prompt = Fx.wrapping(promptText);
        TextField field = new TextField();
        field.setId("confirm-name");
        field.getStyleClass().add("confirm-field");
        field.setPromptText(gate.name());
        field.textProperty().bindBidirectional(gate.typedProperty());
        Label match = new Label();
        match.setId("confirm-hint");
        match.getStyleClass().add("muted");
        match.setWrapText(true);
        match.setMinHeight(Region.USE_PREF_SIZE);
        String matched = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " matches.";
        javafx.beans.property.StringProperty hint = new javafx.beans.property.SimpleStringProperty("");
        gate.typedProperty().addListener((o, a, b) -> hint.set("")); // typing again clears the last hint
        match.textProperty().bind(Bindings.createStringBinding(() -> gate.matches()
                ? matched + " Enter moves to the button; Enter again confirms." : hint.get(),
                gate.matchesProperty(), hint));
        // Enter never cancels silently (Cancel is the default button): with a mismatch it says what
        // differs; with a match it moves to the confirming button, which a second Enter or Space presses.
        field.setOnAction(e -> {
            e.consume();
            if (gate.matches()) {
                Node danger = field.getScene() == null ? null : field.getScene().lookup(".danger-button");
                if (danger != null) {
                    danger.requestFocus();
                }
            } else {
                hint.set(gate.difference());
            }
        });
        return new VBox(4, prompt, field, match);
    }

    /**
     * Puts "connection · project" under the dialog's header text: every confirmation names the server
     * and project it acts on, where the eye lands first. Nothing when {@code where} is null.
     */
    public static <D extends Dialog<?>> D located(D d, Where where) {
        if (where == null) {
            return d;
        }
        Label question = new Label(d.getHeaderText());
        question.getStyleClass().add("dialog-question");
        question.setWrapText(true);
        Label place = new Label(where.line());
        place.setId("where");
        place.getStyleClass().add("where-text");
        place.setWrapText(true);
        VBox header = new VBox(2, question, place);
        header.getStyleClass().add("header-panel");
        d.getDialogPane().setHeader(header);
        return d;
    }

    /** "On <connection>, project <p>.": every change names the server it acts on. */
    public static Label where(String sentence) {
        Label l = Fx.wrapping(sentence, "where-text");
        l.setId("where");
        return l;
    }

    /**
     * What a failing server explained (remedy, fields, causes, request id), shown under the error,
     * with the request id copyable for the vendor's support. Hidden while there is nothing to show.
     */
    public static VBox problemBox(ObservableList<String> details, ObservableStringValue requestId) {
        VBox lines = new VBox(2);
        lines.setId("problem-details");
        Runnable fill = () -> lines.getChildren().setAll(details.stream()
                .map(l -> Fx.wrapping("\u2022 " + l, "muted")).toList());
        details.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        Button copy = new Button("Copy request id");
        copy.setId("copy-request-id");
        copy.visibleProperty().bind(Bindings.createBooleanBinding(() -> requestId.get() != null
                && !requestId.get().isBlank(), requestId));
        copy.managedProperty().bind(copy.visibleProperty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(requestId.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        VBox box = new VBox(4, lines, copy);
        box.visibleProperty().bind(Bindings.isNotEmpty(details));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public static VBox bullets(java.util.List<String> lines, String... styleClasses) {
        VBox box = new VBox(2);
        lines.forEach(l -> box.getChildren().add(Fx.wrapping("\u2022 " + l, styleClasses)));
        return box;
    }

    /** A list that may grow long (many credentials): scrolls inside the dialog past a few lines. */
    public static Node limited(VBox list, int lines) {
        if (list.getChildren().size() <= lines) {
            return list;
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(lines * 19);
        return scroll;
    }
}
