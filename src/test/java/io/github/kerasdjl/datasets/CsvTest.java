package io.github.kerasdjl.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Csv}: a user's labelled table, the rows of numbers the CLI's predict reads, and every bad file. */
class CsvTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsATableWithItsLabelByNameOrIndex() throws Exception {
        Path f = file("t.csv", "a, \"b\" ,label,c\n1,2,0,3\n\n4.5,-5e-1,2,6\r\n7,8,1,9\n");
        Table t = Csv.read(f, "label");
        assertEquals(List.of("a", "b", "c"), t.featureNames());
        assertEquals("label", t.labelName());
        assertEquals(3, t.size());
        assertEquals(3, t.numClasses());
        assertEquals(List.of("0", "1", "2"), t.classNames());
        assertArrayEquals(new float[] {4.5f, -0.5f, 6}, t.x()[1]);
        assertArrayEquals(new float[] {0, 2, 1}, t.y());
        assertEquals("t.csv", t.name());
        Table bom = Csv.read(file("bom.csv", "\uFEFFk,v\n1,2\n"), "k");
        assertEquals(List.of("v"), bom.featureNames());
        Table byIndex = Csv.read(f, 2);
        assertArrayEquals(t.x()[2], byIndex.x()[2]);
        Table first = Csv.read(file("u.csv", "k,v\n1,0.5\n0,2\n"), 0);
        assertEquals(List.of("v"), first.featureNames());
        assertArrayEquals(new float[] {1, 0}, first.y());
        String m = assertThrows(IllegalArgumentException.class, () -> Csv.read(f, 0)).getMessage();
        assertTrue(m.contains("line 4, column 1 ('a'): 4.5 is not a class label"), m);
    }

    @Test
    void writesATableThatReadsBack() throws Exception {
        Table iris = Iris.table();
        Path f = dir.resolve("iris.csv");
        Csv.write(f, iris);
        assertTrue(Files.readAllLines(f).get(0).startsWith("sepal length (cm),sepal width (cm)"));
        Table back = Csv.read(f, "target");
        assertEquals(iris.featureNames(), back.featureNames());
        assertArrayEquals(iris.y(), back.y());
        for (int i = 0; i < iris.size(); i++) {
            assertArrayEquals(iris.x()[i], back.x()[i]);
        }
        Table odd = new Table("odd", List.of("a,b", "say \"hi\""), "y", null, new float[][] {{1, 2}},
                new float[] {0}, null);
        Csv.write(dir.resolve("odd.csv"), odd);
        assertEquals(odd.featureNames(), Csv.read(dir.resolve("odd.csv"), "y").featureNames());
    }

    @Test
    void rowsOfNumbersWithOrWithoutHeader() throws Exception {
        assertArrayEquals(new float[] {0.5f, -1}, Csv.readNumbers(file("a.csv", "x1,x2\n0.5,-1\n2,3\n"), "--input")[0]);
        assertEquals(2, Csv.readNumbers(file("b.csv", "0.5,-1\n2,3\n"), "--input").length);
    }

    /** Each bad file is an IllegalArgumentException that names the argument, the place and what is wrong. */
    @Test
    void badTables() throws Exception {
        Path ok = file("ok.csv", "a,b,y\n1,2,0\n3,4,1\n");
        String[][] cases = {
            {message(() -> Csv.read(ok, "label")), "`label_column`", "'label' is not a column", "[a, b, y]"},
            {message(() -> Csv.read(ok, 3)), "`label_column`", "3", "0 to 2"},
            {message(() -> Csv.read(ok, -1)), "`label_column`", ">= 0"},
            {message(() -> Csv.read(ok, " ")), "`label_column`", "name of a column"},
            {message(() -> Csv.read(file("nan.csv", "a,b,y\n1,2,0\n3,x4,1\n"), "y")), "`path`", "line 3, column 2",
                "'x4' is not a finite number"},
            {message(() -> Csv.read(file("blank.csv", "a,b,y\n1,,0\n"), "y")), "line 2, column 2", "empty"},
            {message(() -> Csv.read(file("ragged.csv", "a,b,y\n1,2,0\n3,4\n"), "y")), "line 3 has 2 values",
                "the header has 3"},
            {message(() -> Csv.read(file("wide.csv", "a,b,y\n1,2,0,5\n"), "y")), "line 2 has 4 values"},
            {message(() -> Csv.read(file("empty.csv", ""), "y")), "`path`", "is empty"},
            {message(() -> Csv.read(file("blanks.csv", "\n  \n"), "y")), "is empty"},
            {message(() -> Csv.read(file("header.csv", "a,b,y\n"), "y")), "no rows of numbers"},
            {message(() -> Csv.read(file("label.csv", "a,y\n1,0.5\n"), "y")), "line 2, column 2 ('y')",
                "not a class label"},
            {message(() -> Csv.read(file("neg.csv", "a,y\n1,-1\n"), "y")), "not a class label"},
            {message(() -> Csv.read(file("one.csv", "y\n1\n"), "y")), "at least one feature column"},
            {message(() -> Csv.read(file("inf.csv", "a,y\n1e99,1\n"), "y")), "line 2, column 1", "'1e99'"},
            {message(() -> Csv.read(dir.resolve("missing.csv"), "y")), "`path`", "is not a file"},
            {message(() -> Csv.read(dir, "y")), "is not a file"},
            {message(() -> Csv.read(null, "y")), "`path`", "null"},
            {message(() -> Csv.read(Files.write(dir.resolve("bin.csv"), new byte[] {(byte) 0xC3, 0x28, 10}), "y")),
                "`path`", "not UTF-8"},
            {message(() -> Csv.readNumbers(file("r.csv", "1,2\n3\n"), "--input")), "`--input`", "line 2 has 1 values",
                "line 1, the first row, has 2"},
            {message(() -> Csv.readNumbers(file("h.csv", "x1,x2\n"), "--input")), "no rows of numbers"},
        };
        for (String[] c : cases) {
            for (int k = 1; k < c.length; k++) {
                assertTrue(c[0].contains(c[k]), c[0] + "  -- should say: " + c[k]);
            }
        }
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
