package io.github.pypimaven.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's configuration tables match the plugin: every parameter a user can set is in its goal's table (or, for
 * {@code check}, named among the parameters it shares with {@code publish}), with the plugin's user property and
 * default, and no row names a parameter that does not exist. Read from the plugin descriptor that maven-plugin-plugin
 * generates from the Mojos, so a parameter added, renamed or re-defaulted in code without the README fails here.
 */
class ReadmeConfigurationTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** A parameter as the plugin descriptor declares it. */
    record Declared(String name, Optional<String> property, Optional<String> defaultValue) {}

    /** A row of a README configuration table. */
    record Row(String name, String property, String defaultCell) {}

    @ParameterizedTest
    @ValueSource(strings = {"publish", "check", "package"})
    void everyRowIsAParameterWithItsPropertyAndDefault(String goal) throws Exception {
        Map<String, Declared> declared = declared(goal);
        List<Row> rows = rows(section(goal));
        assertTrue(!rows.isEmpty(), "README.md has no configuration table for pypi:" + goal);
        for (Row row : rows) {
            Declared parameter = declared.get(row.name());
            assertTrue(parameter != null, "README.md's pypi:" + goal + " table has a row for `" + row.name()
                    + "`, which is not a parameter of the goal (declared: " + declared.keySet() + ")");
            assertEquals(parameter.property().orElse(""), row.property(), "README.md, pypi:" + goal + ", `"
                    + row.name() + "`: the Property column must be the parameter's user property");
            parameter.defaultValue().filter(d -> !EXPRESSION.matcher(d).matches()).ifPresent(d -> assertTrue(
                    codeSpans(row.defaultCell()).contains(d.replace("${project.build.directory}", "target")),
                    "README.md, pypi:" + goal + ", `" + row.name() + "`: the Default column must show `" + d + "`, not "
                            + row.defaultCell()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"publish", "check", "package"})
    void everyParameterIsDocumented(String goal) throws Exception {
        String section = section(goal);
        List<String> inTable = rows(section).stream().map(Row::name).toList();
        List<String> namedInText = codeSpans(section);
        for (String name : declared(goal).keySet()) {
            assertTrue(inTable.contains(name) || goal.equals("check") && namedInText.contains(name),
                    "README.md does not document the pypi:" + goal + " parameter `" + name + "`: add a row to its"
                            + " table under 'Configuration'");
        }
    }

    /** What check takes from publish is publish's parameter: same property, same default. */
    @Test
    void checkSharesPublishParametersAsTheyAre() throws Exception {
        Map<String, Declared> publish = declared("publish");
        for (Declared parameter : declared("check").values()) {
            if (publish.containsKey(parameter.name())) {
                assertEquals(publish.get(parameter.name()), parameter, "pypi:check's `" + parameter.name()
                        + "` must be publish's (the README says they are the same)");
            }
        }
    }

    @Test
    void readsTablesAsWritten() {
        String section = """
                | Parameter | Property | Default | Description |
                |---|---|---|---|
                | `a` | `pypi.a` | `x` or `y` | text with `code` |
                | `b` | | | none |
                """;
        assertEquals(List.of(new Row("a", "pypi.a", "`x` or `y`"), new Row("b", "", "")), rows(section));
    }

    private static List<Row> rows(String section) {
        List<Row> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.substring(1).split("\\|", 4);
                rows.add(new Row(unquote(cells[0]), unquote(cells[1]), cells[2].strip()));
            }
        }
        return rows;
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }

    private static List<String> codeSpans(String text) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }

    /** The README's text from the goal's heading under Configuration to the next heading. */
    private static String section(String goal) throws Exception {
        String readme = Files.readString(Path.of("README.md")).replace("\r\n", "\n");
        String heading = "\n### `pypi:" + goal + "`";
        int start = readme.indexOf(heading);
        assertTrue(start >= 0, "README.md has no heading ### `pypi:" + goal + "`");
        int end = readme.indexOf("\n#", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The goal's parameters a user can set, from the plugin descriptor. */
    private static Map<String, Declared> declared(String goal) throws Exception {
        assertTrue(Files.exists(DESCRIPTOR), DESCRIPTOR + " is missing: it is generated at process-classes");
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile())
                .getDocumentElement();
        NodeList mojos = root.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (text(mojo, "goal").equals(goal)) {
                return parameters(mojo);
            }
        }
        throw new AssertionError("the plugin has no goal " + goal);
    }

    private static Map<String, Declared> parameters(Element mojo) {
        Map<String, Element> configuration = new LinkedHashMap<>();
        NodeList config = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
        for (int i = 0; i < config.getLength(); i++) {
            if (config.item(i) instanceof Element e) {
                configuration.put(e.getTagName(), e);
            }
        }
        Map<String, Declared> parameters = new LinkedHashMap<>();
        NodeList list = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            String name = text(p, "name");
            if (!text(p, "editable").equals("true")) {
                continue;
            }
            Element c = configuration.get(name);
            Optional<String> defaultValue = Optional.ofNullable(c).map(e -> e.getAttribute("default-value"))
                    .filter(d -> !d.isEmpty());
            Optional<String> property = Optional.ofNullable(c).map(Element::getTextContent).map(EXPRESSION::matcher)
                    .filter(Matcher::matches).map(m -> m.group(1));
            // A parameter whose default is a project property (outputTimestamp) is set through that property.
            if (property.isEmpty()) {
                property = defaultValue.map(EXPRESSION::matcher).filter(Matcher::matches).map(m -> m.group(1));
            }
            parameters.put(name, new Declared(name, property, defaultValue));
        }
        return parameters;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
