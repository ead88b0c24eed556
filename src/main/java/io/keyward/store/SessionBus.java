package io.keyward.store;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks the D-Bus session bus whether a keychain service is there (running, or startable on demand)
 * before java-keyring is let near it. java-keyring 1.0.4 leaves the D-Bus connection of a backend that
 * failed to start open, with a non-daemon thread that keeps the JVM from exiting; asking first means a
 * desktop without any keychain costs nothing but this one connection, which is closed.
 */
final class SessionBus {
    /** The Secret Service (GNOME Keyring, KeePassXC, KWallet 5.97+) and KWallet 5's own interface. */
    static final List<String> KEYCHAIN_SERVICES = List.of("org.freedesktop.secrets", "org.kde.kwalletd5");

    private SessionBus() {
    }

    /** Those of {@link #KEYCHAIN_SERVICES} that are on the session bus or can be started by it, in that order. */
    static List<String> keychainServices() throws Exception {
        DBusConnection connection = DBusConnectionBuilder.forSessionBus().withShared(false).build();
        try {
            DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            List<String> startable = List.of(bus.ListActivatableNames());
            List<String> offered = new ArrayList<>();
            for (String name : KEYCHAIN_SERVICES) {
                if (startable.contains(name) || bus.NameHasOwner(name)) {
                    offered.add(name);
                }
            }
            return offered;
        } finally {
            connection.close();
        }
    }
}
