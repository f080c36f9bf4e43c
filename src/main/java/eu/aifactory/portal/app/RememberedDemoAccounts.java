package eu.aifactory.portal.app;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.common.AtomicFiles;
import eu.aifactory.portal.shell.DemoAccount;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo accounts of the embedded factory's last start, kept in the portal's data directory: on a later start the
 * sign-in page lists them while the factory is still starting. Names and roles only; tokens come from the running
 * factory and never reach this file. A properties file: it is read while the factory boots, and needs no JSON mapper
 * for it. Blocking I/O.
 */
final class RememberedDemoAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(RememberedDemoAccounts.class);

    /** What is kept per account: no token field, so no token can be written by mistake. */
    private record Entry(String userId, String userName, String tenantName, Role role) {
    }

    private final Path file;

    RememberedDemoAccounts(Path file) {
        this.file = file;
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
        Properties properties = new Properties();
        properties.setProperty("accounts", Integer.toString(entries.size()));
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            properties.setProperty(i + ".userId", entry.userId());
            properties.setProperty(i + ".userName", entry.userName());
            properties.setProperty(i + ".tenantName", entry.tenantName());
            properties.setProperty(i + ".role", entry.role().wire());
        }
        AtomicFiles.write(file, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "AI Factory Portal: the demo users of the embedded factory's last start");
            }
        });
    }

    private List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            int count = Integer.parseInt(properties.getProperty("accounts", "0"));
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String userId = properties.getProperty(i + ".userId");
                String userName = properties.getProperty(i + ".userName");
                String tenantName = properties.getProperty(i + ".tenantName");
                String role = properties.getProperty(i + ".role");
                if (userId == null || userName == null || tenantName == null || role == null) {
                    LOG.warn("remembered demo accounts in {} are incomplete; the sign-in page waits for the factory", file);
                    return List.of();
                }
                entries.add(new Entry(userId, userName, tenantName, Role.fromWire(role)));
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("remembered demo accounts in {} are unreadable; the sign-in page waits for the factory: {}", file,
                    e.getMessage());
            return List.of();
        }
    }
}
