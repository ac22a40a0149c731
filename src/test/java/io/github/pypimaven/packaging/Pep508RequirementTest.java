package io.github.pypimaven.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requirements pip accepts pass; those it refuses are refused with the place named. */
class Pep508RequirementTest {

    @ParameterizedTest
    @ValueSource(strings = {"requests", "requests>=2.31", "requests >= 2.31, < 3", "requests[socks]>=2",
            "requests[socks, security] (>=2.0)", "Zope.Interface==5.*", "pkg!=1.0+local.7", "pkg~=2.2", "pkg~=1.4.5a4",
            "pkg===anything-goes", "tomli; python_version < \"3.11\"", "tomli>=1.1; python_version < '3.11'",
            "pywin32; sys_platform == 'win32' and (platform_machine == 'x86_64' or platform_machine == 'AMD64')",
            "six; 'linux' in sys_platform", "six; extra not in 'a b'", "pkg @ https://example.org/pkg-1.0.tar.gz",
            "pkg @ https://example.org/pkg.whl ; python_version >= '3'", "a", "x1.y_z-w"})
    void accepted(String requirement) {
        assertEquals(Optional.empty(), Pep508Requirement.problem(requirement));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("not a requirement!", "unexpected 'a requirement!'"),
                arguments("-bad", "expected a project name"),
                arguments("requests[se curity]", "extras are separated by ','"),
                arguments("requests[sec", "extras are separated by ',' and closed by ']'"),
                arguments("requests>=2.x", "'2.x' after '>=' is not a PEP 440 version"),
                arguments("requests>=", "expected a version after '>='"),
                arguments("requests=>2", "unexpected '=>2'"),
                arguments("requests~=2", "needs at least two release numbers"),
                arguments("requests>=2.*", "a '.*' wildcard is allowed only after == and !="),
                arguments("requests<2+local", "a local version (+...) is allowed only after == and !="),
                arguments("requests (>=2", "a ')' must close the version specifiers"),
                arguments("tomli; python_version < 3.11", "quote literal values, as in python_version < \"3.11\") at '3.11'"),
                arguments("tomli; py_version < '3'", "'py_version' is not a marker variable"),
                arguments("tomli; python_version << '3'", "or a quoted value"),
                arguments("tomli; python_version < '3", "a quoted marker value is not closed"),
                arguments("tomli; (python_version < '3'", "a ')' must close the marker group"),
                arguments("tomli; python_version < '3' nor os_name == 'nt'", "unexpected 'nor"),
                arguments("pkg @ ", "'@' must be followed by a URL"),
                arguments("pkg @x", "'@' must be followed by a URL"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String requirement, String why) {
        Optional<String> problem = Pep508Requirement.problem(requirement);
        assertTrue(problem.isPresent(), requirement);
        assertTrue(problem.get().contains(why), problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a\nb"})
    void emptyOrSeveralLines(String requirement) {
        assertTrue(Pep508Requirement.problem(requirement).isPresent());
    }
}
