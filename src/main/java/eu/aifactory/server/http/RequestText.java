package eu.aifactory.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import eu.aifactory.api.WellFormedText;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text every request may carry: no NUL (U+0000) and no unpaired surrogate, checked once at the edge for
 * JSON bodies, query and path parameters and headers. Either would be stored as is and then break what reads
 * it later (a signed report, a strict JSON parser, a C string); and JSON bodies name each field once.
 */
public final class RequestText {

    private RequestText() {
    }

    /** The key of why {@code value} is not acceptable text, or null when it is. */
    static String problem(String value) {
        if (value.indexOf('\u0000') >= 0) {
            return "field.nul";
        }
        if (WellFormedText.firstUnpaired(value) >= 0) {
            return "field.unpairedSurrogate";
        }
        return null;
    }

    /** Refuses {@code value} with a field error on {@code field} when it is not acceptable text. */
    public static String check(String field, String value) {
        String problem = value == null ? null : problem(value);
        if (problem != null) {
            throw ProblemException.validation(field, problem);
        }
        return value;
    }

    /** Checks the query parameters (names and values), path parameters and header values of a matched request. */
    static void checkParameters(Context ctx) {
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            check(param.getKey(), param.getKey());
            param.getValue().forEach(value -> check(param.getKey(), value));
        }
        ctx.pathParamMap().forEach(RequestText::check);
        ctx.headerMap().forEach(RequestText::check);
    }

    /**
     * Reads every token of a JSON body and refuses bad text in names and string values, and a name that appears
     * twice in one object, with a field error naming the JSON path (e.g. {@code parameters.lineId}).
     *
     * @throws IOException when the body is not JSON
     */
    static void checkJson(JsonParser parser) throws IOException {
        try (parser) {
            Deque<Set<String>> names = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    names.push(new HashSet<>());
                } else if (token == JsonToken.END_OBJECT) {
                    names.pop();
                } else if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    check(path(parser.getParsingContext()), name);
                    if (!names.getFirst().add(name)) {
                        throw ProblemException.validation(path(parser.getParsingContext()),
                                "field.duplicate");
                    }
                } else if (token == JsonToken.VALUE_STRING) {
                    check(path(parser.getParsingContext()), parser.getText());
                }
            }
        }
    }

    /** The path of the current token as the field errors write it: {@code parameters.lineId}, {@code roles.0}. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push(Integer.toString(c.getCurrentIndex()));
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }
}
