package io.keyward.ui.results;

import io.keyward.model.DeploymentResult;
import io.keyward.model.MutationResult;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** The results panel's state: every mutation, newest first. */
public final class ResultsViewModel {

    private final ObservableList<ResultEntry> entries = FXCollections.observableArrayList();
    private final Clock clock;

    public ResultsViewModel(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<ResultEntry> entries() {
        return entries;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public ResultEntry record(String action, String target, MutationResult result) {
        DeploymentResult d = result.deployment();
        List<ResultEntry.EnvironmentRow> rows = d == null ? List.of() : d.environmentResults().stream()
                .map(r -> new ResultEntry.EnvironmentRow(r.environmentName(), r.success(), r.message())).toList();
        ResultEntry.Outcome outcome = switch (result.outcome()) {
            case SUCCEEDED -> ResultEntry.Outcome.SUCCEEDED;
            case COMPLETED_WITH_DEPLOYMENT_FAILURES -> ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES;
            case FAILED -> ResultEntry.Outcome.FAILED;
        };
        String message;
        if (d == null) {
            message = "The server reported no per-environment deployment result.";
        } else if (outcome == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES) {
            String failed = d.failures().stream().map(f -> f.environmentName()).collect(Collectors.joining(", "));
            message = (d.message().isBlank() ? "Deployment failed" : d.message())
                    + (failed.isEmpty() ? "" : " (failed: " + failed + ")");
        } else {
            message = d.message();
        }
        return add(new ResultEntry(clock.instant(), action, target, outcome, message, rows));
    }

    public ResultEntry recordFailure(String action, String target, String sentence) {
        return add(new ResultEntry(clock.instant(), action, target, ResultEntry.Outcome.FAILED, sentence, List.of()));
    }

    private ResultEntry add(ResultEntry entry) {
        entries.add(0, entry);
        return entry;
    }

    public String asText(List<ResultEntry> selection) {
        return selection.stream().map(e -> e.asText(zone())).collect(Collectors.joining("\n\n"));
    }
}
