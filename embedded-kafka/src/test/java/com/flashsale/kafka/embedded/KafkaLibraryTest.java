package com.flashsale.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaLibraryTest {

    private String savedProperty;

    @BeforeEach
    void saveProperty() {
        savedProperty = System.getProperty(KafkaLibrary.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (savedProperty == null) {
            System.clearProperty(KafkaLibrary.PROPERTY);
        } else {
            System.setProperty(KafkaLibrary.PROPERTY, savedProperty);
        }
    }

    @Test
    void locateUsesConfiguredDirectory() {
        Path configured = Path.of(savedProperty);

        Path located = KafkaLibrary.locate();

        assertThat(located).isEqualTo(configured.toAbsolutePath());
    }

    @Test
    void locateTellsHowToBuildWhenDirectoryHasNoBrokerJar(@TempDir Path empty) {
        System.setProperty(KafkaLibrary.PROPERTY, empty.toString());

        assertThatThrownBy(KafkaLibrary::locate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("mvn -B -DskipTests package");
    }

    @Test
    void findUpwardsFindsLibraryInParentDirectory(@TempDir Path root) throws Exception {
        Path library = Files.createDirectories(root.resolve(KafkaLibrary.RELATIVE_PATH));
        Path nested = Files.createDirectories(root.resolve("launcher").resolve("target"));

        assertThat(KafkaLibrary.findUpwards(nested)).contains(library);
    }

    @Test
    void findUpwardsIsEmptyWithoutLibrary(@TempDir Path root) {
        assertThat(KafkaLibrary.findUpwards(root)).isEmpty();
    }
}
