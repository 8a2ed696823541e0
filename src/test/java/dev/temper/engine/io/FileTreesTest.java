package dev.temper.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path temp;

    @Test
    void deletesADirectoryWithEverythingBelowIt() throws IOException {
        Path root = tree();

        FileTrees.deleteRecursively(root);

        assertThat(root).doesNotExist();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aTreeThatIsNotThereIsNothingToDo() {
        assertThatCode(() -> FileTrees.deleteRecursively(temp.resolve("absent"))).doesNotThrowAnyException();
        assertThatCode(() -> FileTrees.deleteQuietly(temp.resolve("absent"))).doesNotThrowAnyException();
    }

    @Test
    void quietlyDeletesATemporaryTreeToo() throws IOException {
        Path root = tree();

        FileTrees.deleteQuietly(root);

        assertThat(root).doesNotExist();
    }

    private Path tree() throws IOException {
        Path root = temp.resolve("run");
        Files.createDirectories(root.resolve("current/nested"));
        Files.writeString(root.resolve("current/state.json"), "{}");
        Files.writeString(root.resolve("current/nested/weights.bin"), "w");
        return root;
    }
}
