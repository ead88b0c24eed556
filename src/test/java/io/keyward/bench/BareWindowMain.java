package io.keyward.bench;

import javafx.application.Application;

/** A plain main class for {@link BareWindow}, as the app's Launcher is for KeywardApp. */
public final class BareWindowMain {

    private BareWindowMain() {
    }

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }
}
