package io.keyward.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up floor: the least a JavaFX application can show, an empty 1000x700 window. Like
 * {@code Keyward --exit-after-startup} it prints {@code shown-epoch-ms=} once the first pulse after the
 * window is shown has laid it out and handed it to the renderer, and exits. Depends on nothing but JavaFX, so the harness runs it with only these classes on the
 * class path, on the app-image's own runtime. Started through {@link BareWindowMain}.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare window");
        stage.setScene(new Scene(new StackPane(), 1000, 700));
        Scene scene = stage.getScene();
        // As the console does: once the first pulse after "shown" has laid the frame out and handed it to the
        // renderer (a post-layout pulse listener), one runLater later.
        stage.setOnShown(e -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                Platform.runLater(() -> {
                    System.out.println("shown-epoch-ms=" + System.currentTimeMillis());
                    System.out.flush();
                    Platform.exit();
                });
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        stage.show();
    }
}
