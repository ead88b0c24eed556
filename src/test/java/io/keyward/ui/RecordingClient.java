package io.keyward.ui;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.CredentialJwkSlotsApi;
import io.keyward.gateway.CredentialsApi;
import io.keyward.gateway.EnvironmentsApi;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.JwksApi;
import io.keyward.gateway.KeysApi;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Passes every call to the real Apinizer client and remembers the mutations, so tests can see what was sent. */
public final class RecordingClient implements GatewayClient, EnvironmentsApi, KeysApi, JwksApi, CredentialsApi,
        CredentialJwkSlotsApi {

    public record Call(String method, String project, String target, Object argument) { }

    private final ApinizerClient delegate;
    private final List<Call> mutations = Collections.synchronizedList(new ArrayList<>());

    public RecordingClient(ApinizerClient delegate) {
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
    public BackendKind kind() {
        return delegate.kind();
    }

    @Override
    public Optional<EnvironmentsApi> environments() {
        return Optional.of(this);
    }

    @Override
    public Optional<KeysApi> keys() {
        return Optional.of(this);
    }

    @Override
    public Optional<JwksApi> jwks() {
        return Optional.of(this);
    }

    @Override
    public Optional<CredentialsApi> credentials() {
        return Optional.of(this);
    }

    @Override
    public Optional<CredentialJwkSlotsApi> credentialJwkSlots() {
        return Optional.of(this);
    }

    @Override
    public List<Project> listProjects() {
        return delegate.listProjects();
    }

    @Override
    public List<Environment> listEnvironments(Project project) {
        return delegate.listEnvironments(project);
    }

    @Override
    public List<CryptoKey> listKeys(Project project) {
        return delegate.listKeys(project);
    }

    @Override
    public CryptoKey getKey(Project project, String keyName) {
        return delegate.getKey(project, keyName);
    }

    @Override
    public MutationResult deleteKey(Project project, String keyName, DerivedJwkPolicy policy) {
        mutations.add(new Call("deleteKey", project.name(), keyName, policy));
        return delegate.deleteKey(project, keyName, policy);
    }

    @Override
    public List<Jwk> listJwks(Project project) {
        return delegate.listJwks(project);
    }

    @Override
    public Jwk getJwk(Project project, String jwkName) {
        return delegate.getJwk(project, jwkName);
    }

    @Override
    public MutationResult updateJwk(Project project, String jwkName, JwkUpdate update) {
        mutations.add(new Call("updateJwk", project.name(), jwkName, update));
        return delegate.updateJwk(project, jwkName, update);
    }

    @Override
    public MutationResult deleteJwk(Project project, String jwkName) {
        mutations.add(new Call("deleteJwk", project.name(), jwkName, null));
        return delegate.deleteJwk(project, jwkName);
    }

    @Override
    public List<Credential> listCredentials(Project project) {
        return delegate.listCredentials(project);
    }

    @Override
    public MutationResult setCredentialJwk(Project project, String username, CredentialSlot slot, String jwkName) {
        mutations.add(new Call("setCredentialJwk", project.name(), username, slot + "=" + jwkName));
        return delegate.setCredentialJwk(project, username, slot, jwkName);
    }

    @Override
    public MutationResult removeCredentialJwk(Project project, String username, CredentialSlot slot) {
        mutations.add(new Call("removeCredentialJwk", project.name(), username, slot));
        return delegate.removeCredentialJwk(project, username, slot);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
