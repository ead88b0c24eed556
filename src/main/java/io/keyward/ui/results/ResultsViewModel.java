package io.keyward.ui.results;

import io.keyward.session.ResultEntry;
import io.keyward.session.ResultLog;
import io.keyward.ui.common.ConfirmDialog;
import io.keyward.ui.common.DialogService;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;

/** The results panel's state: the session's changes, newest first, and their text for the clipboard. */
public final class ResultsViewModel {

    private final ResultLog log;
    private final DialogService dialogs;

    public ResultsViewModel(ResultLog log, DialogService dialogs) {
        this.log = log;
        this.dialogs = dialogs;
    }

    /** Empties the list, after asking: it is the session's only record of what was changed. */
    public void clear() {
        if (log.entries().isEmpty()) {
            return;
        }
        boolean sure = dialogs.show(new ConfirmDialog(clearPrompt())).orElse(false);
        if (sure) {
            log.entries().clear();
        }
    }

    /** What "Clear" asks before it empties the list. */
    public ConfirmDialog.Prompt clearPrompt() {
        return new ConfirmDialog.Prompt("clear-results-dialog", "Clear results",
                "Clear the " + log.entries().size() + " results shown?",
                "The list is this session's record of the changes made and what each environment answered. Clearing "
                        + "it changes nothing on any server, and it cannot be undone.", "Clear results");
    }

    /** Whether the entry's outcome is unknown and can be checked against the server (again). */
    public boolean canCheck(ResultEntry entry) {
        return log.canCheck(entry);
    }

    /** Checks an unknown outcome again; what it finds is added to the entry. */
    public void check(ResultEntry entry) {
        log.check(entry);
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
