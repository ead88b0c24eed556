package io.keyward.app;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;

/** The window icon in the sizes that exist on the class path. */
final class Icons {
    private Icons() {
    }

    static void apply(Stage stage) {
        stage.getIcons().addAll(load());
    }

    /** Decoded off the FX thread, after the first frame; set on the window when they are. */
    static void applyLater(Stage stage, io.keyward.session.TaskExecutor executor) {
        io.keyward.session.BackgroundTask.of(Icons::load)
                .onSuccess(icons -> stage.getIcons().setAll(icons))
                .onFailure(e -> System.err.println("keyward: the window icons could not be read: " + e.getMessage()))
                .executeWith(executor);
    }

    static java.util.List<Image> load() {
        java.util.List<Image> icons = new java.util.ArrayList<>();
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            try (InputStream in = Icons.class.getResourceAsStream("/io/keyward/icons/keyward-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return icons;
    }
}
