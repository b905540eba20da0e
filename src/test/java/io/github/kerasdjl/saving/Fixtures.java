package io.github.kerasdjl.saving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/** The files under src/test/resources/fixtures (made by tools/keras/), copied where a test can use them as files. */
final class Fixtures {

    private Fixtures() {
    }

    /** A copy of fixture {@code name} in {@code dir}. */
    static Path copy(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = Objects.requireNonNull(Fixtures.class.getResourceAsStream("/fixtures/" + name),
                "no fixture " + name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }
}
