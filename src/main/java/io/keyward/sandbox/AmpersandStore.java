package io.keyward.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Ampersand projects and their JWT keys behind one read-write lock, on the same terms as
 * {@link SandboxStore}: every mutation runs whole under the write lock, reads copy immutable records
 * under the read lock. Kept apart from SandboxStore because the two APIs share no data.
 */
final class AmpersandStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private List<AmpersandProjectData> projects;

    AmpersandStore(List<AmpersandProjectData> data, Clock clock) {
        this.projects = List.copyOf(data);
        this.clock = clock;
    }

    void replaceAll(List<AmpersandProjectData> data) {
        List<AmpersandProjectData> fresh = List.copyOf(data);
        write(() -> {
            projects = fresh;
            return null;
        });
    }

    List<AmpersandProject> projects() {
        return read(() -> projects.stream().map(p -> p.project).toList());
    }

    AmpersandProject project(String idOrName) {
        return inProject(idOrName, p -> p.project);
    }

    List<JwtKeyRecord> keys(String idOrName, boolean activeOnly) {
        return inProject(idOrName, p -> p.keys.values().stream().filter(k -> !activeOnly || k.active()).toList());
    }

    JwtKeyRecord key(String idOrName, String keyId) {
        return inProject(idOrName, p -> requireKey(p, keyId));
    }

    /** A new key starts active, with createTime and updateTime both now. */
    JwtKeyRecord create(String idOrName, NewJwtKey key) {
        return mutateProject(idOrName, p -> {
            Instant now = Rfc3339.now(clock);
            JwtKeyRecord created = new JwtKeyRecord(UUID.randomUUID().toString(), p.project.id(), key.label(),
                    JwtKeyRecord.ALGORITHM, key.publicKeyPem(), true, now, now);
            p.add(created);
            return created;
        });
    }

    JwtKeyRecord update(String idOrName, String keyId, JwtKeyPatch change) {
        return mutateProject(idOrName, p -> {
            JwtKeyRecord updated = requireKey(p, keyId).patched(change, Rfc3339.now(clock));
            p.keys.put(keyId, updated);
            return updated;
        });
    }

    void delete(String idOrName, String keyId) {
        mutateProject(idOrName, p -> {
            if (p.keys.remove(keyId) == null) {
                throw ProblemException.keyNotFound();
            }
            return null;
        });
    }

    private static JwtKeyRecord requireKey(AmpersandProjectData project, String keyId) {
        JwtKeyRecord key = project.keys.get(keyId);
        if (key == null) {
            throw ProblemException.keyNotFound();
        }
        return key;
    }

    /** By id first, then by exact, case-sensitive name: the path parameter is "projectIdOrName". */
    private AmpersandProjectData requireProject(String idOrName) {
        for (AmpersandProjectData project : projects) {
            if (project.project.id().equals(idOrName)) {
                return project;
            }
        }
        for (AmpersandProjectData project : projects) {
            if (project.project.name().equals(idOrName)) {
                return project;
            }
        }
        throw ProblemException.projectNotFound(idOrName);
    }

    private <T> T inProject(String idOrName, Function<AmpersandProjectData, T> reader) {
        return read(() -> reader.apply(requireProject(idOrName)));
    }

    private <T> T mutateProject(String idOrName, Function<AmpersandProjectData, T> mutation) {
        return write(() -> mutation.apply(requireProject(idOrName)));
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
}
