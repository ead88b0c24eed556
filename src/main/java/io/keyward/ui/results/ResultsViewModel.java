package io.keyward.ui.results;

import io.keyward.session.ResultEntry;
import io.keyward.session.ResultLog;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;

/** The results panel's state: the session's changes, newest first, and their text for the clipboard. */
public final class ResultsViewModel {

    private final ResultLog log;

    public ResultsViewModel(ResultLog log) {
        this.log = log;
    }

    public ObservableList<ResultEntry> entries() {
        return log.entries();
    }

    public ZoneId zone() {
        return log.zone();
    }

    public String asText(List<ResultEntry> selection) {
        return log.asText(selection);
    }

    /** The request ids the servers gave for the selected failures, one per line (for vendor support). */
    public String requestIds(List<ResultEntry> selection) {
        return String.join("\n", selection.stream().map(ResultEntry::requestId)
                .filter(id -> id != null && !id.isBlank()).toList());
    }
}
