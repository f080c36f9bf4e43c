package eu.aifactory.portal.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.api.Json;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.common.AtomicFiles;
import eu.aifactory.portal.shell.DemoAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo accounts of the embedded factory's last start, kept in the portal's data directory: on a later start the sign-in
 * page lists them while the factory is still starting. Names and roles only; tokens come from the running factory
 * and never reach this file. Blocking I/O.
 */
final class RememberedDemoAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(RememberedDemoAccounts.class);
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
    };

    /** What is written per account: a record without a token field, so no token can be written by mistake. */
    private record Entry(String userId, String userName, String tenantName, Role role) {
    }

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();

    RememberedDemoAccounts(Path file) {
        this.file = file;
    }

    private List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = mapper.readValue(file.toFile(), ENTRIES);
            if (entries == null || entries.stream().anyMatch(e -> e == null || e.userId() == null
                    || e.userName() == null || e.tenantName() == null || e.role() == null)) {
                LOG.warn("remembered demo accounts in {} are incomplete; the sign-in page waits for the factory", file);
                return List.of();
            }
            return entries;
        } catch (IOException e) {
            LOG.warn("remembered demo accounts in {} are unreadable; the sign-in page waits for the factory: {}", file,
                    e.getMessage());
            return List.of();
        }
    }

    /** The accounts written last, without tokens; empty when there is no file or it cannot be read. */
    List<DemoAccount> read() {
        return entries().stream()
                .map(e -> new DemoAccount(e.userId(), e.userName(), e.tenantName(), e.role(), null))
                .toList();
    }

    /** Keeps {@code accounts} for the next start, atomically; a file with the same accounts is left alone. */
    void write(List<DemoAccount> accounts) throws IOException {
        List<Entry> entries = accounts.stream()
                .map(a -> new Entry(a.userId(), a.userName(), a.tenantName(), a.role()))
                .toList();
        if (entries.equals(entries())) {
            return;
        }
        AtomicFiles.write(file, temp -> mapper.writeValue(temp.toFile(), entries));
    }
}
