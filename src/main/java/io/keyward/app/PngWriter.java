package io.keyward.app;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a JavaFX snapshot as PNG without the javafx-swing module. */
public final class PngWriter {
    private PngWriter() {
    }

    public static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
