package eu.aifactory.server.cli;

import eu.aifactory.server.db.Database;
import eu.aifactory.server.operator.OperatorStore;
import eu.aifactory.server.operator.OperatorTokens;
import eu.aifactory.server.util.Ids;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve operator-token}: the credentials of the factory's operator staff, who are not tenant users. Works on
 * the database of {@code serve}'s options, like {@code create-token} (on H2, with the factory stopped).
 */
@Command(name = "operator-token", mixinStandardHelpOptions = true,
        description = "Manage operator tokens: the credential operator staff use for /v1/operator and the operator command.",
        subcommands = {OperatorTokenCommand.Create.class, OperatorTokenCommand.ListTokens.class,
                OperatorTokenCommand.Revoke.class})
final class OperatorTokenCommand {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    @ParentCommand
    ServeCommand parent;

    private <T> T withStore(java.util.function.BiFunction<Database, OperatorStore, T> action) {
        try (Database database = Database.open(parent.jdbcUrl())) {
            return action.apply(database, new OperatorStore(database.jdbi()));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issue an operator token for one person. It is printed once and stored only as a hash.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        OperatorTokenCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "The person, e.g. 'Jonas Berger' (shown to tenant admins).")
        String name;

        @Option(names = "--role", required = true,
                description = "Their role, shown in residency reports instead of the name, e.g. 'Support engineer (2nd level)'.")
        String role;

        @Option(names = "--employer", required = true, description = "Their employing entity, e.g. 'T-Systems International GmbH'.")
        String employer;

        @Option(names = "--office-country", required = true, description = "ISO 3166-1 alpha-2 code of their principal office, e.g. DE.")
        String officeCountry;

        @Override
        public Integer call() {
            if (!COUNTRY.matcher(officeCountry).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--office-country must be two capital letters, e.g. DE");
            }
            for (String[] option : new String[][] {{"--name", name, "200"}, {"--role", role, "100"}, {"--employer", employer, "200"}}) {
                if (option[1].isBlank() || option[1].length() > Integer.parseInt(option[2])) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            option[0] + " must be 1 to " + option[2] + " characters");
                }
            }
            String token = OperatorTokens.random();
            String id = Ids.next("op");
            parent.withStore((database, store) -> {
                database.transactions().useTransaction(h -> store.addToken(h, id, token, name.strip(), role.strip(),
                        employer.strip(), officeCountry, Clock.systemUTC().millis()));
                return null;
            });
            PrintWriter out = spec.commandLine().getOut();
            out.println(id + " " + token);
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List operator tokens (never a secret).")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        OperatorTokenCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            parent.withStore((database, store) -> store.tokens()).forEach(t -> out.println(String.join("\t", t.id(),
                    t.prefix() + "…", t.name(), t.jobTitle(), t.employer(), t.officeCountry(),
                    Instant.ofEpochMilli(t.createdAt()).toString(),
                    t.revokedAt() == null ? "active" : "revoked " + Instant.ofEpochMilli(t.revokedAt()))));
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an operator token at once.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        OperatorTokenCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, description = "The token's id (from create or list).")
        String id;

        @Override
        public Integer call() {
            boolean revoked = parent.withStore((database, store) -> database.transactions()
                    .inTransaction(h -> store.revokeToken(h, id, Clock.systemUTC().millis())));
            if (!revoked) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no active operator token " + id);
            }
            spec.commandLine().getOut().println("revoked " + id);
            return 0;
        }
    }
}
