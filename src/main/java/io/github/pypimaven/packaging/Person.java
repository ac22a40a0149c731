package io.github.pypimaven.packaging;

/** An author or maintainer; either part may be null, not both. */
public record Person(String name, String email) {

    public Person {
        name = blankToNull(name);
        email = blankToNull(email);
        if (name == null && email == null) {
            throw new IllegalArgumentException("a person needs a name or an email");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The RFC 822 mailbox form used in Author-email: {@code Name <email>}, quoting names that need it. */
    String mailbox() {
        if (name == null) {
            return email;
        }
        boolean plain = name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0);
        String shown = plain ? name : '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return shown + " <" + email + ">";
    }
}
