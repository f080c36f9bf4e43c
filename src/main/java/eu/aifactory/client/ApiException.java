package eu.aifactory.client;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;

/** The factory answered with an error; {@link #problem()} is its RFC 9457 body. */
public final class ApiException extends FactoryException {

    private final Problem problem;

    public ApiException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** The known type, or null for a type this client does not know. */
    public ProblemType type() {
        return ProblemType.fromUri(problem.type());
    }
}
