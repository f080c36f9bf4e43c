package eu.aifactory.server.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A text the factory answers with, not yet in a language: a key of {@code eu/aifactory/server/messages*.properties}
 * and its {@link java.text.MessageFormat} arguments (a {@code Text} argument is rendered in the same language).
 * {@link Messages} renders it for the language the request asked for.
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }
}
