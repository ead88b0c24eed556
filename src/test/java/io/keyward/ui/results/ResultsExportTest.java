package io.keyward.ui.results;

import io.keyward.session.ResultEntry;
import io.keyward.session.ResultLog;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV a spreadsheet opens: quoted where needed, never a formula; and the JSON's shape. */
class ResultsExportTest {

    final ResultsViewModel vm = new ResultsViewModel(new ResultLog(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
            ZoneOffset.UTC)), null);

    static ResultEntry entry(String target, String message) {
        return new ResultEntry(1, Instant.parse("2026-12-01T09:30:00Z"), "Lab, \"east\" (Apinizer, https://lab.example)",
                "admin", "Delete JWK", target, ResultEntry.Outcome.FAILED, message,
                List.of(new ResultEntry.EnvironmentRow("production", false, "timeout")), List.of("Remedy: retry"),
                "req-1", "", "c-1", "Müşteri / prod");
    }

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertEquals("plain", ResultsViewModel.csvCell("plain"));
        assertEquals("\"a,b\"", ResultsViewModel.csvCell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ResultsViewModel.csvCell("say \"hi\""));
        assertEquals("\"line\none\"", ResultsViewModel.csvCell("line\none"));
        assertEquals("\"'=HYPERLINK(1)\"", ResultsViewModel.csvCell("=HYPERLINK(1)"));
        assertEquals("\"'+1\"", ResultsViewModel.csvCell("+1"));
        assertEquals("\"'@sum\"", ResultsViewModel.csvCell("@sum"));
    }

    @Test
    void aRowHoldsEveryColumn() {
        String csv = vm.csv(List.of(entry("payments / =cmd", "JWK not found (HTTP 404)")));
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertEquals("time,connection,user,project,action,target,outcome,message,environments,details,requestId,changeId,"
                + "bulkId", lines[0]);
        assertTrue(lines[1].startsWith("2026-12-01T09:30:00Z,\"Lab, \"\"east\"\" (Apinizer, https://lab.example)\",admin,"
                + "Müşteri / prod,Delete JWK,payments / =cmd,Failed,JWK not found (HTTP 404),production: FAILED \u2013 timeout,"
                + "Remedy: retry,req-1,c-1"), lines[1]);
    }

    @Test
    void anItemOfABulkRunCarriesTheRunsIdInBothFormats() {
        ResultEntry e = entry("payments / jwk-1", "gone");
        ResultEntry item = new ResultEntry(2, e.time(), e.connection(), e.user(), e.action(), e.target(),
                ResultEntry.Outcome.NOT_SENT, "Not sent: the run was cancelled before this item was sent.", List.of(),
                List.of(), null, "", null, e.project(), "run-7");
        String[] lines = vm.csv(List.of(e, item)).split("\r\n");
        assertTrue(lines[1].endsWith(",c-1,"), "no bulk id for a change of its own: " + lines[1]);
        assertTrue(lines[2].endsWith(",Not sent,Not sent: the run was cancelled before this item was sent.,,,,,run-7"),
                lines[2]);
        String json = vm.json(List.of(item));
        assertTrue(json.contains("\"bulkId\" : \"run-7\""), json);
        assertTrue(json.contains("\"outcome\" : \"NOT_SENT\""), json);
    }

    @Test
    void jsonHasTheEntryWhole() {
        String json = vm.json(List.of(entry("payments / x", "gone")));
        assertTrue(json.contains("\"outcome\" : \"FAILED\""), json);
        assertTrue(json.contains("\"project\" : \"Müşteri / prod\""), json);
        assertTrue(json.contains("\"environment\" : \"production\""), json);
        assertTrue(json.contains("\"requestId\" : \"req-1\""), json);
    }
}
