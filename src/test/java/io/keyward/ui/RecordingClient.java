package io.keyward.ui;

import io.keyward.gateway.GatewayClient;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwkDeleteAction;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.model.TokenGrant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Passes every call to the real client and remembers the mutations, so tests can see what was sent. */
public final class RecordingClient implements GatewayClient {

    public record Call(String method, String project, String target, Object argument) { }

    private final GatewayClient delegate;
    private final List<Call> mutations = Collections.synchronizedList(new ArrayList<>());

    public RecordingClient(GatewayClient delegate) {
        this.delegate = delegate;
    }

    public List<Call> mutations() {
        return List.copyOf(mutations);
    }

    public List<JwkUpdate> jwkUpdates() {
        return mutations().stream().filter(c -> c.method().equals("updateJwk")).map(c -> (JwkUpdate) c.argument())
                .toList();
    }

    @Override
    public TokenGrant createToken(String username, Secret password) {
        return delegate.createToken(username, password);
    }

    @Override
    public List<Project> listProjects() {
        return delegate.listProjects();
    }

    @Override
    public List<Environment> listEnvironments(String projectName) {
        return delegate.listEnvironments(projectName);
    }

    @Override
    public List<CryptoKey> listKeys(String projectName) {
        return delegate.listKeys(projectName);
    }

    @Override
    public CryptoKey getKey(String projectName, String keyName) {
        return delegate.getKey(projectName, keyName);
    }

    @Override
    public MutationResult deleteKey(String projectName, String keyName, JwkDeleteAction action) {
        mutations.add(new Call("deleteKey", projectName, keyName, action));
        return delegate.deleteKey(projectName, keyName, action);
    }

    @Override
    public List<Jwk> listJwks(String projectName) {
        return delegate.listJwks(projectName);
    }

    @Override
    public Jwk getJwk(String projectName, String jwkName) {
        return delegate.getJwk(projectName, jwkName);
    }

    @Override
    public MutationResult updateJwk(String projectName, String jwkName, JwkUpdate update) {
        mutations.add(new Call("updateJwk", projectName, jwkName, update));
        return delegate.updateJwk(projectName, jwkName, update);
    }

    @Override
    public MutationResult deleteJwk(String projectName, String jwkName) {
        mutations.add(new Call("deleteJwk", projectName, jwkName, null));
        return delegate.deleteJwk(projectName, jwkName);
    }

    @Override
    public List<Credential> listCredentials(String projectName) {
        return delegate.listCredentials(projectName);
    }

    @Override
    public MutationResult setCredentialJwk(String projectName, String username, CredentialSlot slot, String jwkName) {
        mutations.add(new Call("setCredentialJwk", projectName, username, slot + "=" + jwkName));
        return delegate.setCredentialJwk(projectName, username, slot, jwkName);
    }

    @Override
    public MutationResult removeCredentialJwk(String projectName, String username, CredentialSlot slot) {
        mutations.add(new Call("removeCredentialJwk", projectName, username, slot));
        return delegate.removeCredentialJwk(projectName, username, slot);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
