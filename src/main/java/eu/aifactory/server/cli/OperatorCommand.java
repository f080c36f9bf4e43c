package eu.aifactory.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.aifactory.api.Json;
import eu.aifactory.api.access.AccessRequestCreate;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.access.AccessUse;
import eu.aifactory.api.access.EmergencyAccessCreate;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.EmergencyCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
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
 * access under an approved request, declare an emergency access. Prints the factory's JSON answer; a refusal goes to
 * stderr with exit code 1.
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

    /** The clock relative deadlines count from; tests replace it. */
    Clock clock = Clock.systemUTC();

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

    /** Sends the request; prints the JSON answer, or the problem to stderr. */
    private int send(CommandLine commandLine, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(factory.resolve(path))
                .header("Authorization", "Bearer " + token(commandLine))
                .header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofSeconds(30));
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer = response.body().isEmpty() ? null : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                PrintWriter err = commandLine.getErr();
                err.println("Refused (" + response.statusCode() + "): " + (answer == null ? "" : answer.path("title").asText()
                        + ": " + answer.path("detail").asText()));
                if (answer != null) {
                    answer.path("errors").forEach(e -> err.println("  " + e.path("field").asText() + ": "
                            + e.path("message").asText()));
                }
                err.flush();
                return 1;
            }
            PrintWriter out = commandLine.getOut();
            out.println(JSON.writeValueAsString(answer));
            out.flush();
            return 0;
        } catch (IOException e) {
            commandLine.getErr().println("No answer from " + factory + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** {@code 90m}, {@code 4h} or {@code 2d}. */
    static Duration duration(String text) {
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
            return parent.send(cl, "POST", "/v1/operator/access-requests", new AccessRequestCreate(tenant, project, resource,
                    code(cl, AccessReason.class, "--justification", justification), detail, caseId, location,
                    (int) Math.min(Integer.MAX_VALUE, length.toMinutes()), until));
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
            StringBuilder query = new StringBuilder();
            if (tenant != null) {
                query.append("tenantId=").append(URLEncoder.encode(tenant, StandardCharsets.UTF_8));
            }
            if (state != null) {
                query.append(query.isEmpty() ? "" : "&").append("state=")
                        .append(code(cl, AccessRequestState.class, "--state", state).name());
            }
            return parent.send(cl, "GET", "/v1/operator/access-requests" + (query.isEmpty() ? "" : "?" + query), null);
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
            return parent.send(spec.commandLine(), "POST", "/v1/operator/access-requests/"
                    + URLEncoder.encode(request, StandardCharsets.UTF_8) + "/accesses", new AccessUse(location));
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
            return parent.send(cl, "POST", "/v1/operator/emergency-accesses", new EmergencyAccessCreate(tenant, project,
                    resource, code(cl, EmergencyCode.class, "--code", code),
                    code(cl, AccessReason.class, "--justification", justification), detail, caseId, location));
        }
    }
}
