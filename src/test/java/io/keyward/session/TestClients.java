package io.keyward.session;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.EnvironmentsApi;
import io.keyward.gateway.GatewayClient;
import io.keyward.model.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stand-ins for tests that need a connection or a failure handler but no server. */
public final class TestClients {

    private TestClients() {
    }

    /** A backend that lists no projects; with environments when {@code deploys} (Apinizer-like). */
    public static GatewayClient empty(BackendKind kind, boolean deploys) {
        return new GatewayClient() {
            @Override
            public BackendKind kind() {
                return kind;
            }

            @Override
            public String describe() {
                return "test";
            }

            @Override
            public List<Project> listProjects() {
                return List.of();
            }

            @Override
            public Optional<EnvironmentsApi> environments() {
                return deploys ? Optional.of(project -> List.of()) : Optional.empty();
            }
        };
    }

    /** Keeps what it is told. */
    public static final class RecordingFailures implements FailureHandler {
        public final List<Throwable> failures = new ArrayList<>();
        public final List<String> notices = new ArrayList<>();

        @Override
        public void failed(Throwable failure, String source) {
            failures.add(failure);
        }

        @Override
        public void notice(String sentence) {
            notices.add(sentence);
        }
    }
}
