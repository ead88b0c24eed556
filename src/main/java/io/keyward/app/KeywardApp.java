package io.keyward.app;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.main.MainView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.Instant;

/** The JavaFX application: builds the main window and connects to the demo sandbox. */
public final class KeywardApp extends Application {

    private AppContext context;
    private Options options;
    /** The window state read at start (null: a demo run). */
    private io.keyward.store.UiStateStore.Loaded state;
    /** The main window, once {@link #start} has it; dialogs asked for before that have no owner. */
    private java.util.concurrent.atomic.AtomicReference<Stage> mainStage;
    /** The main window's first frame, made in {@link #init()}. */
    private MainView firstFrame;

    /**
     * On the JavaFX launcher thread, while the FX thread is still idle: the FX thread loads the controls'
     * stylesheet meanwhile, and this thread takes what {@link Prestart} made while the toolkit started (the
     * data directory, the journal, the view models, the time zone, the window state) and builds the window's
     * first frame, so {@link #start} only puts it in a scene and shows it.
     */
    @Override
    public void init() {
        StartupTrace.mark("init");
        options = Options.parse(getParameters().getRaw().toArray(String[]::new));
        // The same stylesheet JavaFX would load with the first control, on the FX thread, loaded now.
        Platform.runLater(() -> Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA));
        Prestart.Prepared prepared = Prestart.take(options);
        context = prepared.context();
        state = prepared.state();
        mainStage = prepared.stage();
        StartupTrace.mark("context");
        // Nodes may be made off the FX thread until they are in a shown window; the FX thread is busy with
        // the stylesheet meanwhile. No tooltips (popup windows) in it: those come with MainView.complete().
        firstFrame = MainView.firstFrame(context.main());
        StartupTrace.mark("first frame built");
    }

    @Override
    public void start(Stage stage) {
        // --exit-after-startup is an ordinary start (data directory, window state, where it left off) that
        // exits once the window is shown, so what it measures is what a user waits for.
        StartupTrace.mark("start");
        mainStage.set(stage);
        // The first frame is the window with its toolbar, splitters and status line; the projects list, the
        // tabs and the results panel are built right after it, and only then is anything connected.
        MainView view = install(stage, firstFrame);
        StartupTrace.mark("installed");
        if (state != null) {
            restoreWindow(stage, view, state.state());
            if (state.notice() != null) {
                context.main().notice(state.notice());
            }
            stage.setOnCloseRequest(e -> saveState(stage, context));
        }
        StartupTrace.mark("state restored");
        afterFrame(stage, () -> {
            try {
                afterFirstFrame(stage, view);
            } catch (RuntimeException | Error e) {
                if (options.exitAfterStartup()) {
                    // A measured or training start that fails must say so and end, not hang with a window open.
                    System.err.println("keyward: the start failed after the first frame: " + e);
                    System.exit(1);
                }
                throw e;
            }
        });
        stage.show();
        StartupTrace.mark("shown");
    }

    /** Once the first frame is out: the rest of the window, the icons, and where the user left off. */
    private void afterFirstFrame(Stage stage, MainView view) {
        StartupTrace.mark("first frame shown");
        if (options.exitAfterStartup()) {
            // The first frame has been laid out and handed to the renderer.
            System.out.println("startup-ms=" + startupMillis());
            // The same moment on the wall clock, for a benchmark that times from outside the process.
            System.out.println("shown-epoch-ms=" + System.currentTimeMillis());
            System.out.flush();
        }
        view.complete();
        StartupTrace.mark("window built");
        Icons.applyLater(stage, context.executor());
        if (options.screenshotsDir() != null) {
            context.startDemoSandbox(() -> new ScreenshotRenderer(stage, view, context, options.screenshotsDir()).start());
        } else {
            String last = state == null ? null : state.state().lastConnection();
            context.main().projects().preferProject(state == null ? null : state.state().lastProject());
            context.startWhereLeftOff(last, context.main()::openConnections);
        }
        StartupTrace.mark("connecting");
        if (options.exitAfterStartup()) {
            // The whole window (projects list and results panel too) has been laid out: ready to be used.
            afterFrame(stage, () -> {
                StartupTrace.mark("ready");
                System.out.println("ready-ms=" + startupMillis());
                System.out.println("ready-epoch-ms=" + System.currentTimeMillis());
                System.out.flush();
                Platform.exit();
            });
        }
    }

    /**
     * Runs {@code then} once the next frame of the stage's scene has been laid out and handed to the
     * renderer: after the pulse that follows "shown" (or, once shown, the next pulse), never within it.
     */
    static void afterFrame(Stage stage, Runnable then) {
        Runnable whenShown = () -> {
            Scene scene = stage.getScene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                Platform.runLater(then);
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        };
        if (stage.isShowing()) {
            whenShown.run();
            return;
        }
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.stage.WindowEvent e) {
                if (e.getTarget() != stage) {
                    return;
                }
                stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                whenShown.run();
            }
        });
    }

    /** Size and place as they were (moved back onto a screen when the monitors changed), the splitters too. */
    static void restoreWindow(Stage stage, MainView view, io.keyward.store.UiState state) {
        io.keyward.store.UiState.Window w = state.window();
        if (w != null && w.width() >= stage.getMinWidth() && w.height() >= stage.getMinHeight()) {
            Rectangle2D area = Screen.getScreensForRectangle(w.x(), w.y(), w.width(), w.height()).stream().findFirst()
                    .orElse(Screen.getPrimary()).getVisualBounds();
            double width = Math.min(w.width(), area.getWidth());
            double height = Math.min(w.height(), area.getHeight());
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(Math.max(area.getMinX(), Math.min(w.x(), area.getMaxX() - width)));
            stage.setY(Math.max(area.getMinY(), Math.min(w.y(), area.getMaxY() - height)));
            stage.setMaximized(w.maximized());
        }
        state.dividers().forEach((id, position) -> {
            if (view.root().lookup("#" + id) instanceof javafx.scene.control.SplitPane split
                    && position > 0.05 && position < 0.95) {
                split.setDividerPositions(position);
            }
        });
    }

    /** Where the user left off: the window, the splitters, the connection and the project. */
    static void saveState(Stage stage, AppContext context) {
        java.util.Map<String, Double> dividers = new java.util.LinkedHashMap<>();
        for (String id : java.util.List.of("upper-split", "main-split")) {
            if (stage.getScene().lookup("#" + id) instanceof javafx.scene.control.SplitPane split
                    && split.getDividerPositions().length > 0) {
                dividers.put(id, split.getDividerPositions()[0]);
            }
        }
        var active = context.main().activeProperty().get();
        var project = context.main().workspace().project();
        io.keyward.store.UiState state = new io.keyward.store.UiState(new io.keyward.store.UiState.Window(stage.getX(),
                stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()),
                active == null || active.builtIn() ? null : active.name(), project == null ? null : project.name(),
                dividers);
        try {
            context.uiStateStore().save(state);
        } catch (java.io.IOException e) {
            System.err.println("keyward: could not save the window state: " + e.getMessage());
        }
    }

    /** Puts the main window on {@code stage}; shared with the UI tests so they test the real window. */
    public static MainView install(Stage stage, AppContext context) {
        MainView view = install(stage, new MainView(context.main()));
        Icons.apply(stage);
        return view;
    }

    /** Puts {@code view} (whole or a first frame) on {@code stage}, without the window icons. */
    static MainView install(Stage stage, MainView view) {
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(DialogFrames.STYLESHEET);
        view.installAccelerators(scene);
        stage.setTitle("Keyward");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        // A window manager may shrink a window that only its scene sizes (openbox made it 898x575, below
        // the minimum): the window's own size is set explicitly, to what fits the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1280, screen.getWidth()));
        stage.setHeight(Math.min(800, screen.getHeight()));
        stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
        double width = stage.getWidth();
        double height = stage.getHeight();
        // GTK's glass (JDK-8354943) may still map the window at its minimum size under a window manager;
        // asking again once it is mapped is honoured.
        // Once, for this window only: a dialog's "shown" reaches its owner's handlers too, and must not
        // resize (or un-maximize) the main window.
        javafx.event.EventHandler<javafx.stage.WindowEvent> askAgain = new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.stage.WindowEvent e) {
                if (e.getTarget() != stage) {
                    return;
                }
                stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                javafx.application.Platform.runLater(() -> {
                    stage.setWidth(width - 1);
                    stage.setHeight(height - 1);
                    javafx.application.Platform.runLater(() -> {
                        stage.setWidth(width);
                        stage.setHeight(height);
                    });
                });
            }
        };
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, askAgain);
        return view;
    }

    static long startupMillis() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(started, Instant.now()).toMillis();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
