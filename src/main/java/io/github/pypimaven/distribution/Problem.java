package io.github.pypimaven.distribution;

import java.util.regex.Pattern;

/**
 * One reason a distribution may not be uploaded.
 *
 * @param filename the distribution's file name
 * @param rule     the rule it breaks
 * @param message  what is wrong and what to do, naming the file; one line, so that a value quoted from a file (a Name
 *                 with a line break, say) cannot start a log line of its own: line breaks and other control
 *                 characters become spaces
 */
public record Problem(String filename, ValidationRule rule, String message) {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    public Problem {
        message = CONTROL.matcher(message).replaceAll(" ");
    }

    @Override
    public String toString() {
        return message + " [" + rule.id() + "]";
    }
}
