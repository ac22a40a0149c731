package io.github.pypimaven.distribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PyPI's rules for the URLs in core metadata (Warehouse's {@code _validate_metadata}): Home-page and Download-URL must
 * be URLs PyPI accepts ({@link MetadataUrl}); each Project-URL is {@code Label, URL}, split at the first comma with
 * both halves stripped as Python strips them, a label given once, of 1 to 32 characters, and a URL PyPI accepts.
 * The values checked are those the upload form sends.
 */
final class UrlRules {

    private static final int MAX_LABEL = 32;
    private static final String FIX_URLS = "Fix the project's URLs (pyproject.toml [project.urls], or the POM's url,"
            + " scm and issueManagement)";

    private final String filename;
    private final CoreMetadata m;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private UrlRules(String filename, CoreMetadata m) {
        this.filename = filename;
        this.m = m;
        for (MetadataField field : List.of(MetadataField.HOME_PAGE, MetadataField.DOWNLOAD_URL)) {
            for (String url : m.formValues(field)) {
                judge(ValidationRule.METADATA_URL, field.header() + " '" + url + "'", url);
            }
        }
        checkProjectUrls();
    }

    static List<Problem> check(String filename, CoreMetadata m) {
        return new UrlRules(filename, m).problems;
    }

    /** What PyPI accepts but will not work as a link, such as a URL without a valid host. */
    static List<String> warnings(String filename, CoreMetadata m) {
        return new UrlRules(filename, m).warnings;
    }

    private void checkProjectUrls() {
        Set<String> labels = new HashSet<>();
        for (String value : m.formValues(MetadataField.PROJECT_URL)) {
            int comma = value.indexOf(',');
            String label = PythonStrings.strip(comma < 0 ? value : value.substring(0, comma));
            String url = comma < 0 ? "" : PythonStrings.strip(value.substring(comma + 1));
            String field = "Project-URL '" + value + "'";
            if (!labels.add(label)) {
                add(ValidationRule.PROJECT_URL, field + " repeats the label '" + label + "'; PyPI refuses a label given"
                        + " twice. Give each URL its own label");
            } else if (label.isEmpty()) {
                add(ValidationRule.PROJECT_URL, field + " has no label; PyPI wants 'Label, URL', e.g. 'Source,"
                        + " https://github.com/me/project'");
            } else if (PythonStrings.length(label) > MAX_LABEL) {
                add(ValidationRule.PROJECT_URL, field + " has a label of " + PythonStrings.length(label)
                        + " characters; PyPI accepts at most " + MAX_LABEL + ". Shorten the label");
            } else if (url.isEmpty()) {
                add(ValidationRule.PROJECT_URL, field + " has no URL" + (comma < 0 ? " (no comma after the label)" : "")
                        + "; PyPI wants 'Label, URL', e.g. 'Source, https://github.com/me/project'");
            } else {
                judge(ValidationRule.PROJECT_URL, field, url);
            }
        }
    }

    private void judge(ValidationRule rule, String field, String url) {
        MetadataUrl.Verdict verdict = MetadataUrl.judge(url);
        if (verdict instanceof MetadataUrl.Verdict.Refused refused) {
            add(rule, field + ": the URL " + refused.reason());
        } else if (verdict instanceof MetadataUrl.Verdict.Accepted accepted && accepted.caution().isPresent()) {
            warnings.add(filename + ": " + field + ": the URL " + accepted.caution().get() + ". PyPI accepts it, but"
                    + " the link will not work. " + FIX_URLS);
        }
    }

    private void add(ValidationRule rule, String message) {
        problems.add(new Problem(filename, rule, filename + ": " + message + ". " + FIX_URLS));
    }
}
