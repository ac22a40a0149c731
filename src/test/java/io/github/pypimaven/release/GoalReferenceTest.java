package io.github.pypimaven.release;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goal reference (`mvn site`, maven-plugin-report-plugin) is generated from the plugin descriptor that
 * maven-plugin-plugin writes from the Mojos' javadoc; this reads that descriptor as the build made it. Every
 * parameter a user sets is described and says since when; every list or map parameter shows its XML form.
 */
class GoalReferenceTest {

    private static final Set<String> GOALS = Set.of("publish", "package");
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Map", "java.util.Properties",
            "java.util.Set", "java.util.Collection");

    private static Document descriptor() throws Exception {
        try (InputStream in = GoalReferenceTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "target/classes/META-INF/maven/plugin.xml is missing: maven-plugin-plugin's descriptor"
                    + " goal runs in process-classes, before the tests");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static String child(Element e, String name) {
        NodeList list = e.getElementsByTagName(name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }

    private static List<Element> userParameters(Document plugin, String goal) {
        List<Element> found = new ArrayList<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!child(mojo, "goal").equals(goal)) {
                continue;
            }
            NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                if (child(parameter, "editable").equals("true")) {
                    found.add(parameter);
                }
            }
        }
        return found;
    }

    @Test
    void everyParameterIsDescribedWithItsVersion() throws Exception {
        Document plugin = descriptor();
        for (String goal : GOALS) {
            List<Element> parameters = userParameters(plugin, goal);
            assertFalse(parameters.isEmpty(), "no parameters of " + goal);
            for (Element parameter : parameters) {
                String name = goal + "'s " + child(parameter, "name");
                assertFalse(child(parameter, "description").isBlank(), name + " has no description (its javadoc)");
                assertFalse(child(parameter, "since").isEmpty(), name + " has no @since");
            }
        }
    }

    @Test
    void everyListOrMapParameterShowsItsXml() throws Exception {
        Document plugin = descriptor();
        int collections = 0;
        for (String goal : GOALS) {
            for (Element parameter : userParameters(plugin, goal)) {
                if (!COLLECTIONS.contains(child(parameter, "type"))) {
                    continue;
                }
                collections++;
                String name = child(parameter, "name");
                String description = child(parameter, "description");
                assertTrue(description.contains("<" + name + ">") && description.contains("</" + name + ">"),
                        goal + "'s " + name + " is a " + child(parameter, "type") + ": its javadoc needs an XML example"
                                + " (<pre>{@code <" + name + ">...</" + name + ">}</pre>), shown in the goal reference");
            }
        }
        assertTrue(collections >= 4, "the list parameters dependencies, entryPoints, licenseFiles, distributions were not found");
    }
}
