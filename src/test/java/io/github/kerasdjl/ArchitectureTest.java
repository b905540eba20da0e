package io.github.kerasdjl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md and the code agree: every import of one of this library's packages in src/main is one the
 * package's row in the document's table allows. The allowed sets form layers, so there are no import cycles.
 */
class ArchitectureTest {

    private static final String BASE = "io.github.kerasdjl";
    private static final Path SOURCES = Path.of("src/main/java/io/github/kerasdjl");

    /** Package (short name, "root" for the base) to the packages it may import, from the document's table. */
    static Map<String, Set<String>> allowed() throws IOException {
        Map<String, Set<String>> allowed = new HashMap<>();
        Pattern row = Pattern.compile("^\\| (root|`(\\w+)`)[^|]*\\| [^|]* \\| ([^|]*) \\|$");
        Pattern name = Pattern.compile("`(\\w+)`|\\broot\\b");
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            Matcher m = row.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String pkg = m.group(2) == null ? "root" : m.group(2);
            Set<String> may = new HashSet<>();
            String cell = m.group(3);
            if (!cell.startsWith("none")) {
                Matcher n = name.matcher(cell);
                while (n.find()) {
                    may.add(n.group(1) == null ? "root" : n.group(1));
                }
            }
            allowed.put(pkg, may);
        }
        return allowed;
    }

    @Test
    void importsFollowTheDocumentedLayers() throws IOException {
        Map<String, Set<String>> allowed = allowed();
        assertTrue(allowed.size() >= 15, "rows read from docs/architecture.md: " + allowed.keySet());
        Pattern imp = Pattern.compile("^import (?:static )?" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]",
                Pattern.MULTILINE);
        List<String> violations = new ArrayList<>();
        Set<String> packagesSeen = new HashSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(file.getParent());
                String pkg = dir.toString().isEmpty() ? "root" : dir.toString().replace('/', '.');
                packagesSeen.add(pkg);
                assertTrue(allowed.containsKey(pkg), "package " + pkg + " has no row in docs/architecture.md");
                Matcher m = imp.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1).isEmpty() ? "root" : m.group(1).substring(1);
                    if (!target.equals(pkg) && !allowed.get(pkg).contains(target)) {
                        violations.add(file.getFileName() + " (" + pkg + ") imports " + target);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "imports the document does not allow: " + violations);
        assertTrue(packagesSeen.containsAll(allowed.keySet()), "rows for packages that do not exist: "
                + allowed.keySet() + " vs " + packagesSeen);
    }
}
