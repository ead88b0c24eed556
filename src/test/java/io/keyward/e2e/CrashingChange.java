package io.keyward.e2e;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.journal.ChangeIntent;
import io.keyward.journal.CheckTarget;
import io.keyward.journal.Journal;
import io.keyward.model.Project;
import io.keyward.model.Secret;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Run in its own JVM by {@link InterruptedChangeTest}: does what the change runner does for a JWK
 * deletion (the intent journalled, then the call sent) and says "SENT"; the test kills it with
 * SIGKILL while the (slow) server has not answered.
 *
 * <p>Arguments: data dir, manager URL, token, connection name, project, JWK name.
 */
public final class CrashingChange {

    private CrashingChange() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        URI url = URI.create(args[1]);
        String connection = args[3];
        Project project = Project.named(args[4]);
        String jwk = args[5];
        Journal journal = new Journal(dataDir.resolve("journal"), Clock.systemUTC());
        journal.append(new ChangeIntent(Journal.newChangeId(), Clock.systemUTC().instant(),
                System.getProperty("user.name", ""), connection, "Apinizer", url.toString(), "personal_token",
                project.name(), "Delete JWK", project.name() + " / " + jwk, Map.of(),
                List.of("1 credential slot holds this JWK."),
                new CheckTarget("jwk", project.name(), null, jwk, null, true, false, Map.of(), Map.of())));
        ApinizerClient client = new ApinizerClient(ConnectionSettings.of(url,
                new Authentication.PersonalToken(Secret.of(args[2]))));
        System.out.println("SENT");
        System.out.flush();
        client.deleteJwk(project, jwk); // the sandbox is slow: killed before it answers
        System.out.println("ANSWERED");
    }
}
