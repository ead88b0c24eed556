package io.keyward.ui.common;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large list's search texts are computed off the FX thread when its rows arrive: the first keystroke
 * after a load finds them ready; one typed before they are computes what it needs itself.
 */
@ExtendWith(ApplicationExtension.class)
class RowViewBackgroundTest {

    record Row(String name) { }

    @Test
    void aLargeListsSearchTextsAreReadyBeforeTheFirstKeystroke() throws Exception {
        AtomicInteger onFxThread = new AtomicInteger();
        AtomicInteger elsewhere = new AtomicInteger();
        ObservableList<Row> source = FXCollections.observableArrayList();
        RowView<Row> view = WaitForAsyncUtils.asyncFx(() -> new RowView<>(source, r -> {
            (Platform.isFxApplicationThread() ? onFxThread : elsewhere).incrementAndGet();
            return r.name().toLowerCase(Locale.ROOT);
        })).get(10, TimeUnit.SECONDS);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < RowView.BACKGROUND_ROWS * 2; i++) {
            rows.add(new Row("User-" + i));
        }
        WaitForAsyncUtils.asyncFx(() -> source.setAll(rows)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> elsewhere.get() == rows.size());
        WaitForAsyncUtils.waitForFxEvents();

        WaitForAsyncUtils.asyncFx(() -> view.filter("user-999", null)).get(10, TimeUnit.SECONDS);
        assertEquals(0, onFxThread.get(), "no search text was computed on the FX thread");
        assertEquals(List.of("User-999", "User-9990", "User-9991", "User-9992", "User-9993", "User-9994",
                "User-9995", "User-9996", "User-9997", "User-9998", "User-9999"),
                WaitForAsyncUtils.asyncFx(() -> view.stream().map(Row::name).toList()).get(10, TimeUnit.SECONDS));

        // Rows replaced before their texts came back: those are computed for the new rows, never taken from the old.
        List<Row> other = new ArrayList<>();
        for (int i = 0; i < RowView.BACKGROUND_ROWS; i++) {
            other.add(new Row("Key-" + i));
        }
        WaitForAsyncUtils.asyncFx(() -> {
            source.setAll(other);
            view.filter("key-4999", null); // typed at once: computed here, as needed
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertTrue(onFxThread.get() > 0);
        assertEquals(List.of("Key-4999"),
                WaitForAsyncUtils.asyncFx(() -> view.stream().map(Row::name).toList()).get(10, TimeUnit.SECONDS));
    }
}
