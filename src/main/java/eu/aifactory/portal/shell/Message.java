package eu.aifactory.portal.shell;

import java.util.List;

/** A text to show, as a bundle key and its arguments, so it follows a later language switch. */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
