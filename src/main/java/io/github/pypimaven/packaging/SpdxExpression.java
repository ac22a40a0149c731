package io.github.pypimaven.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the syntax of an SPDX license expression (SPDX spec annex D) and normalizes its operators to upper case.
 *
 * <p>Only the syntax is checked, not that each identifier is on the SPDX license list: the plugin ships no copy of
 * the list, which changes every few months. PyPI checks the identifiers at upload time.
 */
public final class SpdxExpression {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*\\+?|DocumentRef-[A-Za-z0-9.-]+:LicenseRef-[A-Za-z0-9.-]+");

    private SpdxExpression() {
    }

    /** The expression with upper-case operators and single spaces, or empty when it is not valid SPDX syntax. */
    public static Optional<String> normalize(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        for (String word : text.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+")) {
            String upper = word.toUpperCase(Locale.ROOT);
            tokens.add(upper.equals("AND") || upper.equals("OR") || upper.equals("WITH") ? upper : word);
        }
        Parser parser = new Parser(tokens);
        if (!parser.expression() || parser.position != tokens.size()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", tokens).replace("( ", "(").replace(" )", ")"));
    }

    private static final class Parser {
        private final List<String> tokens;
        private int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean expression() {
            if (!term()) {
                return false;
            }
            while (accept("OR") || accept("AND")) {
                if (!term()) {
                    return false;
                }
            }
            return true;
        }

        private boolean term() {
            if (accept("(")) {
                return expression() && accept(")");
            }
            if (!identifier()) {
                return false;
            }
            return !accept("WITH") || identifier();
        }

        private boolean identifier() {
            if (position >= tokens.size()) {
                return false;
            }
            String token = tokens.get(position);
            if (List.of("AND", "OR", "WITH", "(", ")").contains(token) || !ID.matcher(token).matches()) {
                return false;
            }
            position++;
            return true;
        }

        private boolean accept(String token) {
            if (position < tokens.size() && tokens.get(position).equals(token)) {
                position++;
                return true;
            }
            return false;
        }
    }
}
