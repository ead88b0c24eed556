package io.keyward.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * All demo data behind one read-write lock. Every mutation runs whole under the write lock, so two
 * requests can never interleave (no lost rename, no double delete); reads copy what they need under the
 * read lock and therefore see one consistent state. Errors are the API's own wording.
 */
final class SandboxStore {
    enum JwkDeleteAction { NULLIFY, DELETE }

    /** A credential with its slots resolved to the JWKs' current names. */
    record CredentialView(CredentialRecord credential, String validationJwkName, String encryptionJwkName) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<String, ProjectData> projects;

    SandboxStore(List<ProjectData> data) {
        this.projects = index(data);
    }

    /** Swaps in freshly generated data; requests already inside the lock finish on the old data first. */
    void replaceAll(List<ProjectData> data) {
        Map<String, ProjectData> fresh = index(data);
        write(() -> {
            projects = fresh;
            return null;
        });
    }

    List<ProjectInfo> projects() {
        return read(() -> projects.values().stream().map(p -> p.info).toList());
    }

    /** The environments endpoint answers an unknown project with 400, unlike every other endpoint. */
    List<EnvironmentInfo> environments(String projectName) {
        return read(() -> {
            ProjectData project = projects.get(projectName);
            if (project == null) {
                throw ApiException.badRequest("Project not found for name: (" + projectName
                        + ") or user has not privilege to access it!");
            }
            return project.environments;
        });
    }

    List<KeyRecord> keys(String projectName) {
        return inProject(projectName, p -> List.copyOf(p.keys.values()));
    }

    KeyRecord key(String projectName, String keyName) {
        return inProject(projectName, p -> p.keyNamed(keyName).orElseThrow(() -> keyNotFound(keyName)));
    }

    List<JwkRecord> jwks(String projectName) {
        return inProject(projectName, p -> List.copyOf(p.jwks.values()));
    }

    JwkRecord jwk(String projectName, String jwkName) {
        return inProject(projectName, p -> p.jwkNamed(jwkName).orElseThrow(() -> jwkNotFound(jwkName)));
    }

    List<CredentialView> credentials(String projectName) {
        return inProject(projectName, p -> p.credentials.values().stream()
                .map(c -> new CredentialView(c, jwkName(p, c.validationJwkId()), jwkName(p, c.encryptionJwkId())))
                .toList());
    }

    /**
     * Deletes a key. NULLIFY keeps the JWKs made from it but forgets where they came from; DELETE removes
     * them too, and with them every credential slot that held one.
     *
     * @return the project's environment names, for the undeployment result
     */
    List<String> deleteKey(String projectName, String keyName, JwkDeleteAction action) {
        return mutateProject(projectName, p -> {
            KeyRecord key = p.keyNamed(keyName).orElseThrow(() -> keyNotFound(keyName));
            p.keys.remove(key.id());
            for (JwkRecord jwk : new ArrayList<>(p.jwks.values())) {
                if (!jwk.isDerivedFrom(key.id())) {
                    continue;
                }
                if (action == JwkDeleteAction.DELETE) {
                    p.removeJwk(jwk.id());
                } else {
                    p.jwks.put(jwk.id(), jwk.withoutSourceId());
                }
            }
            return p.environmentNames();
        });
    }

    /**
     * Renames and/or redescribes a JWK; a null argument keeps the current value.
     *
     * @return the project's environment names, for the deployment result
     */
    List<String> updateJwk(String projectName, String jwkName, String newName, String newDescription) {
        return mutateProject(projectName, p -> {
            JwkRecord jwk = p.jwkNamed(jwkName).orElseThrow(
                    () -> ApiException.badRequest("JWK (name: " + jwkName + ") is not found! Try create operation."));
            String name = newName == null ? jwk.name() : newName;
            if (!name.equals(jwk.name()) && p.jwkNamed(name).isPresent()) {
                throw ApiException.badRequest("JWK (name: " + name + ") is already exist!");
            }
            p.jwks.put(jwk.id(), jwk.updated(name, newDescription == null ? jwk.description() : newDescription));
            return p.environmentNames();
        });
    }

    List<String> deleteJwk(String projectName, String jwkName) {
        return mutateProject(projectName, p -> {
            JwkRecord jwk = p.jwkNamed(jwkName).orElseThrow(() -> jwkNotFound(jwkName));
            p.removeJwk(jwk.id());
            return p.environmentNames();
        });
    }

    /** Puts a JWK in a credential's slot, replacing whatever was there. */
    List<String> assignJwk(String projectName, String username, JwkSlot slot, String jwkName) {
        return mutateProject(projectName, p -> {
            CredentialRecord credential = p.credentialNamed(username).orElseThrow(() -> credentialNotFound(username));
            JwkRecord jwk = p.jwkNamed(jwkName).orElseThrow(() -> jwkNotFound(jwkName));
            p.credentials.put(credential.id(), credential.withJwk(slot, jwk.id()));
            return p.environmentNames();
        });
    }

    /** Empties a credential's slot; the JWK itself stays. */
    List<String> removeJwk(String projectName, String username, JwkSlot slot) {
        return mutateProject(projectName, p -> {
            CredentialRecord credential = p.credentialNamed(username).orElseThrow(() -> credentialNotFound(username));
            if (credential.jwkId(slot) == null) {
                throw ApiException.badRequest("Credential (username: " + username + ") has no JWK assigned for "
                        + slot.purpose() + "!");
            }
            p.credentials.put(credential.id(), credential.withJwk(slot, null));
            return p.environmentNames();
        });
    }

    private static String jwkName(ProjectData project, String jwkId) {
        if (jwkId == null) {
            return null;
        }
        JwkRecord jwk = project.jwks.get(jwkId);
        return jwk == null ? null : jwk.name();
    }

    private static ApiException keyNotFound(String keyName) {
        return ApiException.badRequest("Key (name: " + keyName + ") is not found!");
    }

    private static ApiException jwkNotFound(String jwkName) {
        return ApiException.badRequest("JWK (name: " + jwkName + ") is not found!");
    }

    private static ApiException credentialNotFound(String username) {
        return ApiException.badRequest("Credential (username: " + username + ") was not found!");
    }

    private <T> T inProject(String projectName, Function<ProjectData, T> reader) {
        return read(() -> reader.apply(requireProject(projectName)));
    }

    private <T> T mutateProject(String projectName, Function<ProjectData, T> mutation) {
        return write(() -> mutation.apply(requireProject(projectName)));
    }

    private ProjectData requireProject(String projectName) {
        ProjectData project = projects.get(projectName);
        if (project == null) {
            throw ApiException.projectNotFound(projectName);
        }
        return project;
    }

    private <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private static <T> T locked(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, ProjectData> index(List<ProjectData> data) {
        Map<String, ProjectData> byName = new LinkedHashMap<>();
        for (ProjectData project : data) {
            byName.put(project.info.name(), project);
        }
        return byName;
    }
}
