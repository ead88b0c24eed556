package io.keyward.ui.common;

import io.keyward.session.BackgroundTask;
import io.keyward.session.BusyCounter;
import io.keyward.session.DirectTaskExecutor;
import io.keyward.session.ErrorText;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small pieces every list and dialog ViewModel is built from. */
class CommonViewModelPartsTest {

    record Row(String name, String note) { }

    @Test
    void tableFilterMatchesAnyTextIgnoringCaseAndKeepsFilteringAfterReloads() {
        ObservableList<Row> rows = FXCollections.observableArrayList(new Row("alpha", "first"),
                new Row("Beta", null), new Row("gamma", "ALPHA-like"));
        TableFilter<Row> filter = new TableFilter<>(rows, r -> Stream.of(r.name(), r.note()), "row", "rows");
        assertEquals("3 rows", filter.countProperty().get());

        filter.textProperty().set(" Alpha ");
        assertEquals(List.of("alpha", "gamma"), filter.items().stream().map(Row::name).toList());
        assertEquals("2 of 3 rows", filter.countProperty().get());

        rows.add(new Row("delta", "alphabet"));
        assertEquals("3 of 4 rows", filter.countProperty().get(), "a reload is filtered with the same text");

        rows.setAll(new Row("only", null));
        assertEquals("0 of 1 row", filter.countProperty().get());
        filter.textProperty().set(null);
        assertEquals("1 row", filter.countProperty().get());
    }

    @Test
    void confirmByNameIsExact() {
        ConfirmByName c = new ConfirmByName("Key One");
        assertFalse(c.matches());
        for (String wrong : List.of("key one", "Key One ", " Key One", "Key  One", "")) {
            c.typedProperty().set(wrong);
            assertFalse(c.matches(), wrong);
        }
        c.typedProperty().set("Key One");
        assertTrue(c.matches());
        assertTrue(c.matchesProperty().get());
        c.typedProperty().set(null);
        assertFalse(c.matches());
    }

    @Test
    void errorTextNeverShowsAStackTraceOrClassPath() {
        GatewayException unauthorized = new GatewayException(new Failure.Unauthorized(), 401, "x", "Invalid token",
                "Loading projects failed: Invalid token (HTTP 401).", null);
        assertEquals("Loading projects failed: Invalid token (HTTP 401).", ErrorText.sentence(unauthorized));
        assertTrue(ErrorText.isUnauthorized(unauthorized));
        assertFalse(ErrorText.isUnauthorized(new GatewayException(new Failure.Forbidden(), 403, null, null, "no", null)));
        assertEquals("bad url", ErrorText.sentence(new IllegalArgumentException("bad url")));
        String npe = ErrorText.sentence(new NullPointerException("x.y.z is null"));
        assertEquals("Something unexpected went wrong (NullPointerException). The action may not have run.", npe);
    }

    @Test
    void busyCounterStaysBusyUntilTheLastTaskEnds() {
        BusyCounter busy = new BusyCounter();
        busy.begin();
        busy.begin();
        busy.end();
        assertTrue(busy.isBusy(), "one task is still running");
        busy.end();
        assertFalse(busy.isBusy());
        busy.end();
        busy.begin();
        assertTrue(busy.isBusy(), "an extra end() does not make the counter go negative");
    }

    @Test
    void directTaskRunnerRunsBothPathsAtOnce() {
        DirectTaskExecutor runner = new DirectTaskExecutor();
        StringBuilder log = new StringBuilder();
        BackgroundTask.of(() -> 42).onSuccess(v -> log.append("ok ").append(v))
                .onFailure(e -> log.append("failed")).executeWith(runner);
        BackgroundTask.of(() -> {
            throw new IllegalStateException("boom");
        }).onSuccess(v -> log.append(" ok")).onFailure(e -> log.append(" failed ").append(e.getMessage()))
                .executeWith(runner);
        assertEquals("ok 42 failed boom", log.toString());
    }
}
