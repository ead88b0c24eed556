package io.keyward.app;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;

/** The window icon in the sizes that exist on the class path. */
final class Icons {
    private Icons() {
    }

    static void apply(Stage stage) {
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            InputStream in = Icons.class.getResourceAsStream("/io/keyward/icons/keyward-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }
}
