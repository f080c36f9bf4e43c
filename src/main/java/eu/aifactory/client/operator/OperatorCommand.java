package eu.aifactory.client.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.aifactory.api.Json;
import eu.aifactory.api.Problem;
import eu.aifactory.api.access.AccessRequestCreate;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.access.EmergencyAccessCreate;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.EmergencyCode;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.FactoryException;
import eu.aifactory.client.OperatorClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code operator}: what operator staff do against a running factory, over its HTTP API with their operator token
 * (from a file or an environment variable, never the command line): ask a tenant for access, list requests, make an
 * access under an approved request, declare an emergency access. Calls go through {@link OperatorClient}, so the
 * command has the SDK's timeouts, retries and problem parsing. Prints the answer as JSON; a refusal goes to stderr
 * with exit code 1.
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Operator staff: ask a tenant for access, use an approved access, declare an emergency access.",
        subcommands = {OperatorCommand.Request.class, OperatorCommand.Requests.class, OperatorCommand.Access.class,
                OperatorCommand.Emergency.class})
public final class OperatorCommand {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([mhd])");
    private static final ObjectMapper JSON = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--factory", defaultValue = "http://127.0.0.1:18080", scope = CommandLine.ScopeType.INHERIT,
            description = "The factory's URL (default: ${DEFAULT-VALUE}).")
    URI factory;

    @Option(names = "--token-file", scope = CommandLine.ScopeType.INHERIT,
            description = "File holding your operator token. Default: the environment variable named by --token-env.")
    Path tokenFile;

    @Option(names = "--token-env", defaultValue = "AIF_OPERATOR_TOKEN", scope = CommandLine.ScopeType.INHERIT,
            description = "Environment variable holding the operator token (default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    /** The clock relative deadlines count from. */
    private final Clock clock;

    public OperatorCommand() {
        this(Clock.systemUTC());
    }

    public OperatorCommand(Clock clock) {
        this.clock = clock;
    }

    private String token(CommandLine commandLine) {
        String token;
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(commandLine, "cannot read --token-file: " + e.getMessage());
            }
        } else {
            token = System.getenv(tokenEnv);
        }
        if (token == null || token.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "no operator token: set " + tokenEnv
                    + " or give --token-file (create one with: serve operator-token create)");
        }
        return token;
    }

    /** Runs one call with an operator client; prints its answer as JSON, or the factory's refusal to stderr. */
    private int send(CommandLine commandLine, Function<OperatorClient, Object> call) {
        String token = token(commandLine);
        try (OperatorClient client = new OperatorClient(FactoryClientConfig.builder(factory).token(token::toCharArray)
                .build())) {
            PrintWriter out = commandLine.getOut();
            out.println(JSON.writeValueAsString(call.apply(client)));
            out.flush();
            return 0;
        } catch (ApiException e) {
            Problem problem = e.problem();
            PrintWriter err = commandLine.getErr();
            err.println("Refused (" + problem.status() + "): " + problem.title() + ": "
                    + (problem.detail() == null ? "" : problem.detail()));
            if (problem.errors() != null) {
                problem.errors().forEach(error -> err.println("  " + error.field() + ": " + error.message()));
            }
            err.flush();
            return 1;
        } catch (FactoryException e) {
            commandLine.getErr().println("No answer from " + factory + ": " + e.getMessage());
            return 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer of the factory could not be printed", e);
        }
    }

    /** {@code 90m}, {@code 4h} or {@code 2d}. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a duration such as 90m, 4h or 2d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** An RFC 3339 instant, or a duration from now ({@code 48h}). */
    Instant deadline(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return clock.instant().plus(duration(text));
        }
    }

    private static <T extends Enum<T>> T code(CommandLine commandLine, Class<T> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, option + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Ask a tenant for access to a resource; its tenant admins approve or deny before the deadline.")
    static final class Request implements Callable<Integer> {
        @ParentCommand
        OperatorCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", required = true, description = "Tenant id.")
        String tenant;
        @Option(names = "--project", description = "Project id of the resource; omit for a tenant-wide resource.")
        String project;
        @Option(names = "--resource", required = true, description = "What you need to access, in plain words.")
        String resource;
        @Option(names = "--justification", required = true, description = "CUSTOMER_INITIATED_SUPPORT, SERVICE_MAINTENANCE, "
                + "SECURITY_RESPONSE, LEGAL_REQUEST or HARDWARE_FAULT.")
        String justification;
        @Option(names = "--detail", required = true, description = "What you will do and why, for the tenant's admins.")
        String detail;
        @Option(names = "--case", required = true, description = "The support case, ticket or change id.")
        String caseId;
        @Option(names = "--location", required = true, description = "Country you will physically be in (ISO 3166-1 alpha-2).")
        String location;
        @Option(names = "--duration", required = true, description = "How long the access may last once approved: 90m, 4h, 2d.")
        String duration;
        @Option(names = "--deadline", required = true,
                description = "Until when the tenant may decide: an RFC 3339 time or a duration from now (48h).")
        String deadline;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            Duration length;
            Instant until;
            try {
                length = duration(duration);
                until = parent.deadline(deadline);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--duration and --deadline need " + e.getMessage());
            }
            AccessRequestCreate create = new AccessRequestCreate(tenant, project, resource,
                    code(cl, AccessReason.class, "--justification", justification), detail, caseId, location,
                    (int) Math.min(Integer.MAX_VALUE, length.toMinutes()), until);
            return parent.send(cl, client -> client.requestAccess(create));
        }
    }

    @Command(name = "requests", mixinStandardHelpOptions = true, description = "List access requests, newest first.")
    static final class Requests implements Callable<Integer> {
        @ParentCommand
        OperatorCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", description = "Only this tenant's.")
        String tenant;
        @Option(names = "--state", description = "Only PENDING, APPROVED, DENIED or EXPIRED ones.")
        String state;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            AccessRequestState only = state == null ? null : code(cl, AccessRequestState.class, "--state", state);
            return parent.send(cl, client -> client.accessRequests(tenant, only));
        }
    }

    @Command(name = "access", mixinStandardHelpOptions = true,
            description = "Record an access under an approved request, within its window; refused otherwise.")
    static final class Access implements Callable<Integer> {
        @ParentCommand
        OperatorCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--request", required = true, description = "The approved request's id.")
        String request;
        @Option(names = "--location", description = "Country you are physically in now, if not the one the request named.")
        String location;

        @Override
        public Integer call() {
            return parent.send(spec.commandLine(), client -> client.access(request, location));
        }
    }

    @Command(name = "emergency", mixinStandardHelpOptions = true,
            description = "Declare an emergency access that cannot wait for approval; it is flagged in the tenant's report.")
    static final class Emergency implements Callable<Integer> {
        @ParentCommand
        OperatorCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", required = true, description = "Tenant id.")
        String tenant;
        @Option(names = "--project", description = "Project id of the resource; omit for a tenant-wide resource.")
        String project;
        @Option(names = "--resource", required = true, description = "What you access, in plain words.")
        String resource;
        @Option(names = "--code", required = true,
                description = "ACTIVE_SECURITY_INCIDENT, SERVICE_OUTAGE or DATA_INTEGRITY_RISK.")
        String code;
        @Option(names = "--justification", required = true, description = "The justification code, as for request.")
        String justification;
        @Option(names = "--detail", required = true, description = "What you do and why it cannot wait.")
        String detail;
        @Option(names = "--case", required = true, description = "The incident or case id.")
        String caseId;
        @Option(names = "--location", required = true, description = "Country you are physically in (ISO 3166-1 alpha-2).")
        String location;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            EmergencyAccessCreate emergency = new EmergencyAccessCreate(tenant, project, resource,
                    code(cl, EmergencyCode.class, "--code", code),
                    code(cl, AccessReason.class, "--justification", justification), detail, caseId, location);
            return parent.send(cl, client -> client.declareEmergency(emergency));
        }
    }
}
