package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.Pep440Version;
import io.github.pypimaven.distribution.ProjectName;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dependency specifier (PEP 508, as the packaging library does) to the end, so that a requirement pip would
 * refuse is refused when the wheel is built, not when someone installs it: the project name, the extras, each version
 * specifier with its operator, a direct URL, and the environment marker with its variables and operators.
 */
final class Pep508Requirement {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern OPERATOR = Pattern.compile("~=|===|==|!=|<=|>=|<|>");
    private static final Pattern VERSION_TEXT = Pattern.compile("[^\\s,;)]+");
    private static final Pattern RELEASE = Pattern.compile("v?(?:[0-9]+!)?([0-9]+(?:\\.[0-9]+)*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER_OPERATOR = Pattern.compile("~=|===|==|!=|<=|>=|<|>|not\\s+in\\b|in\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Set<String> MARKER_VARIABLES = Set.of("python_version", "python_full_version", "os_name",
            "sys_platform", "platform_release", "platform_system", "platform_version", "platform_machine",
            "platform_python_implementation", "implementation_name", "implementation_version", "extra", "os.name",
            "sys.platform", "platform.version", "platform.machine", "platform.python_implementation",
            "python_implementation");

    private final String text;
    private int at;

    private Pep508Requirement(String text) {
        this.text = text;
    }

    /** What is wrong with a requirement, in words that point at the place; empty when pip would accept it. */
    static Optional<String> problem(String requirement) {
        if (requirement == null || requirement.isBlank()) {
            return Optional.of("it is empty");
        }
        if (requirement.contains("\n") || requirement.contains("\r")) {
            return Optional.of("it spans several lines");
        }
        try {
            new Pep508Requirement(requirement.strip()).parse();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void parse() {
        Matcher name = expect(NAME, "a project name (letters, digits, '.', '_', '-', starting and ending with a letter"
                + " or digit)");
        if (!ProjectName.isValid(name.group())) {
            throw fail("'" + name.group() + "' is not a project name");
        }
        skipSpace();
        if (peek('[')) {
            extras();
        }
        skipSpace();
        if (peek('@')) {
            at++;
            skipSpace();
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at == start || !text.substring(start, at).contains(":")) {
                throw fail("'@' must be followed by a URL");
            }
        } else if (peek('(')) {
            at++;
            specifiers();
            skipSpace();
            if (!peek(')')) {
                throw fail("a ')' must close the version specifiers");
            }
            at++;
        } else if (at < text.length() && OPERATOR.matcher(text).region(at, text.length()).lookingAt()) {
            specifiers();
        }
        skipSpace();
        if (peek(';')) {
            at++;
            skipSpace();
            markerOr();
            skipSpace();
        }
        if (at < text.length()) {
            throw fail("unexpected '" + text.substring(at) + "'");
        }
    }

    private void extras() {
        at++; // '['
        skipSpace();
        while (!peek(']')) {
            Matcher extra = expect(NAME, "an extra name");
            if (!ProjectName.isValid(extra.group())) {
                throw fail("'" + extra.group() + "' is not an extra name");
            }
            skipSpace();
            if (peek(',')) {
                at++;
                skipSpace();
            } else if (!peek(']')) {
                throw fail("extras are separated by ',' and closed by ']'");
            }
        }
        at++;
    }

    private void specifiers() {
        do {
            skipSpace();
            String operator = expect(OPERATOR, "a version operator (==, !=, <=, >=, <, >, ~=, ===)").group();
            skipSpace();
            String version = expect(VERSION_TEXT, "a version after '" + operator + "'").group();
            checkVersion(operator, version);
            skipSpace();
        } while (consume(','));
    }

    /** The packaging library's rules: which operator takes wildcards, local versions, or any string. */
    private void checkVersion(String operator, String version) {
        if (operator.equals("===")) {
            return;
        }
        boolean wildcard = version.endsWith(".*");
        String plain = wildcard ? version.substring(0, version.length() - 2) : version;
        Optional<Pep440Version> parsed = Pep440Version.tryParse(plain);
        if (parsed.isEmpty()) {
            throw fail("'" + version + "' after '" + operator + "' is not a PEP 440 version");
        }
        boolean equality = operator.equals("==") || operator.equals("!=");
        if (wildcard && (!equality || parsed.get().isLocal())) {
            throw fail("'" + operator + version + "': a '.*' wildcard is allowed only after == and !=");
        }
        if (!equality && parsed.get().isLocal()) {
            throw fail("'" + operator + version + "': a local version (+...) is allowed only after == and !=");
        }
        if (operator.equals("~=")) {
            Matcher release = RELEASE.matcher(plain);
            if (!release.lookingAt() || !release.group(1).contains(".")) {
                throw fail("'~=" + version + "' needs at least two release numbers, such as ~=2.2");
            }
        }
    }

    private void markerOr() {
        markerAnd();
        while (consumeWord("or")) {
            markerAnd();
        }
    }

    private void markerAnd() {
        markerAtom();
        while (consumeWord("and")) {
            markerAtom();
        }
    }

    private void markerAtom() {
        skipSpace();
        if (consume('(')) {
            markerOr();
            skipSpace();
            if (!consume(')')) {
                throw fail("a ')' must close the marker group");
            }
            skipSpace();
            return;
        }
        markerValue();
        skipSpace();
        expect(MARKER_OPERATOR, "a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)");
        skipSpace();
        markerValue();
        skipSpace();
    }

    private void markerValue() {
        if (peek('"') || peek('\'')) {
            char quote = text.charAt(at);
            int end = text.indexOf(quote, at + 1);
            if (end < 0) {
                throw fail("a quoted marker value is not closed");
            }
            at = end + 1;
            return;
        }
        Matcher variable = expect(IDENTIFIER, "a marker variable such as python_version, or a quoted value (quote"
                + " literal values, as in python_version < \"3.11\")");
        if (!MARKER_VARIABLES.contains(variable.group())) {
            throw fail("'" + variable.group() + "' is not a marker variable (python_version, sys_platform,"
                    + " platform_system, implementation_name, extra, ...); quote literal values");
        }
    }

    private Matcher expect(Pattern pattern, String what) {
        Matcher m = pattern.matcher(text).region(at, text.length());
        if (!m.lookingAt()) {
            throw fail("expected " + what + (at < text.length() ? " at '" + text.substring(at) + "'" : " at the end"));
        }
        at = m.end();
        return m;
    }

    private boolean consumeWord(String word) {
        skipSpace();
        int end = at + word.length();
        if (text.startsWith(word, at) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean consume(char c) {
        if (peek(c)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpace() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException(why);
    }
}
