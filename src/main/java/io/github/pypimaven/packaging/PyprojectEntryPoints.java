package io.github.pypimaven.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry points of a pyproject.toml: {@code [project.scripts]} and {@code [project.gui-scripts]} become the
 * {@code console_scripts} and {@code gui_scripts} groups; {@code [project.entry-points.<group>]} the others.
 */
final class PyprojectEntryPoints {

    private PyprojectEntryPoints() {
    }

    /**
     * @param scripts the console scripts, from the file or (when dynamic) from the plugin parameters
     * @return group → (name → object reference), sorted, without empty groups
     */
    static Map<String, Map<String, String>> read(PyprojectTable project, Map<String, String> scripts)
            throws PackagingException {
        Map<String, Map<String, String>> groups = new TreeMap<>();
        addGroup(project, groups, "console_scripts", scripts, "scripts");
        addGroup(project, groups, "gui_scripts", project.stringTable("gui-scripts"), "gui-scripts");
        JsonNode other = project.get("entry-points");
        if (other == null) {
            return groups;
        }
        if (!other.isObject()) {
            throw project.problem("entry-points", "must be a table of groups, each a table of"
                    + " name = \"module:object\"");
        }
        for (Iterator<String> it = other.fieldNames(); it.hasNext(); ) {
            String group = it.next();
            String key = "entry-points." + group;
            if (group.equals("console_scripts") || group.equals("gui_scripts")) {
                throw project.problem(key, "is not allowed; use [project.scripts] or [project.gui-scripts] instead"
                        + " (PEP 621)");
            }
            addGroup(project, groups, group, project.stringTable(other, group, key), key);
        }
        return groups;
    }

    private static void addGroup(PyprojectTable project, Map<String, Map<String, String>> groups, String group,
            Map<String, String> entries, String key) throws PackagingException {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            Requirements.checkEntryPoint(group, entry.getKey(), entry.getValue(), project.location(key));
        }
        if (!entries.isEmpty()) {
            groups.put(group, new TreeMap<>(entries));
        }
    }
}
