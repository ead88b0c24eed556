package io.keyward.session;

import io.keyward.model.DeploymentResult;
import io.keyward.model.MutationResult;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** Every change made in this session, newest first, as the results panel shows it. */
public final class ResultLog {

    /** Where a change went: the connection's description and, for a backend without environments, the project. */
    public record Scope(String connection, String project, boolean hasEnvironments) { }

    private final ObservableList<ResultEntry> entries = FXCollections.observableArrayList();
    private final Clock clock;

    public ResultLog(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<ResultEntry> entries() {
        return entries;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public ResultEntry record(Scope scope, String action, String target, MutationResult result) {
        DeploymentResult d = result.deployment();
        ResultEntry.Outcome outcome = switch (result.outcome()) {
            case SUCCEEDED -> ResultEntry.Outcome.SUCCEEDED;
            case COMPLETED_WITH_DEPLOYMENT_FAILURES -> ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES;
            case FAILED -> ResultEntry.Outcome.FAILED;
        };
        List<ResultEntry.EnvironmentRow> rows;
        String message;
        if (!scope.hasEnvironments()) {
            // Nothing is deployed anywhere: the change took effect in the project itself.
            rows = List.of(new ResultEntry.EnvironmentRow(projectRow(scope), result.success(),
                    result.note().isBlank() ? "Applied" : result.note()));
            message = result.note();
        } else if (d == null) {
            rows = List.of();
            message = "The server reported no per-environment deployment result.";
        } else {
            rows = d.environmentResults().stream()
                    .map(r -> new ResultEntry.EnvironmentRow(r.environmentName(), r.success(), r.message())).toList();
            if (outcome == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES) {
                String failed = d.failures().stream().map(f -> f.environmentName()).collect(Collectors.joining(", "));
                message = (d.message().isBlank() ? "Deployment failed" : d.message())
                        + (failed.isEmpty() ? "" : " (failed: " + failed + ")");
            } else {
                message = d.message();
            }
        }
        return add(new ResultEntry(clock.instant(), scope.connection(), action, target, outcome, message, rows,
                List.of(), null));
    }

    public ResultEntry recordFailure(Scope scope, String action, String target, Throwable failure) {
        String sentence = ErrorText.sentence(failure);
        List<ResultEntry.EnvironmentRow> rows = scope.hasEnvironments() ? List.of()
                : List.of(new ResultEntry.EnvironmentRow(projectRow(scope), false, sentence));
        return add(new ResultEntry(clock.instant(), scope.connection(), action, target, ResultEntry.Outcome.FAILED,
                sentence, rows, ErrorText.details(failure), ErrorText.requestId(failure)));
    }

    private static String projectRow(Scope scope) {
        return "Project " + (scope.project() == null ? "(none)" : scope.project());
    }

    private ResultEntry add(ResultEntry entry) {
        entries.add(0, entry);
        return entry;
    }

    public String asText(List<ResultEntry> selection) {
        return selection.stream().map(e -> e.asText(zone())).collect(Collectors.joining("\n\n"));
    }
}
