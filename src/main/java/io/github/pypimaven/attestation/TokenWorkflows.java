package io.github.pypimaven.attestation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The workflow file a CI identity token names, taken out as PyPI takes it. */
final class TokenWorkflows {

    /** PyPI takes the GitHub workflow file name from {@code job_workflow_ref} with this pattern. */
    private static final Pattern GITHUB_WORKFLOW_FILE = Pattern.compile("[^/]+\\.(yml|yaml)(?=@)");

    private TokenWorkflows() {}

    /** {@code release.yml} from {@code octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1}. */
    static String githubWorkflowFile(String workflowRef) {
        Matcher file = GITHUB_WORKFLOW_FILE.matcher(workflowRef);
        return file.find() ? file.group() : workflowRef;
    }

    /** {@code .gitlab-ci.yml} from {@code gitlab.com/group/project//.gitlab-ci.yml@refs/heads/main}. */
    static String gitlabConfigPath(String configRefUri) {
        int start = configRefUri.indexOf("//");
        int end = configRefUri.lastIndexOf('@');
        return start >= 0 && end > start + 2 ? configRefUri.substring(start + 2, end) : configRefUri;
    }
}
