package io.github.pypimaven.distribution;

/**
 * One reason a distribution may not be uploaded.
 *
 * @param filename the distribution's file name
 * @param rule     the rule it breaks
 * @param message  what is wrong and what to do, naming the file; one or two lines
 */
public record Problem(String filename, ValidationRule rule, String message) {

    @Override
    public String toString() {
        return message + " [" + rule.id() + "]";
    }
}
