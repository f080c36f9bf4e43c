package eu.aifactory.portal.testing;

import eu.aifactory.portal.settings.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A secret store in memory, for view-model tests. */
public class MemorySecretStore implements SecretStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> read(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public void write(String name, String secret) {
        secrets.put(name, secret);
    }

    @Override
    public void delete(String name) {
        secrets.remove(name);
    }

    @Override
    public Kind kind() {
        return Kind.ENCRYPTED_FILE;
    }

    public Map<String, String> all() {
        return Map.copyOf(secrets);
    }
}
