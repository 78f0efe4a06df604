package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceLocationTest {

    @TempDir
    Path dir;

    @Test
    void parsesEachKind() {
        assertThat(ResourceLocation.parse("https://idp.example/md").kind()).isEqualTo(ResourceLocation.Kind.URL);
        assertThat(ResourceLocation.parse("classpath:/idp.xml").location()).isEqualTo("idp.xml");
        assertThat(ResourceLocation.parse("file:/etc/x.xml").location()).isEqualTo("/etc/x.xml");
        assertThat(ResourceLocation.parse("/etc/x.xml").kind()).isEqualTo(ResourceLocation.Kind.FILE);
        assertThat(ResourceLocation.parse("http://localhost/md").isPlainHttp()).isTrue();
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> ResourceLocation.parse("ftp://x/y")).hasMessageContaining("unsupported scheme");
        assertThatThrownBy(() -> ResourceLocation.parse("classpath:")).hasMessageContaining("needs a resource");
    }

    @Test
    void readsFilesAndClasspathWithinTheLimit() throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "hello");
        assertThat(ResourceLocation.parse(file.toString()).read(getClass().getClassLoader())).isEqualTo("hello".getBytes());
        Path big = dir.resolve("big.bin");
        Files.write(big, new byte[ResourceLocation.MAX_BYTES + 1]);
        assertThatThrownBy(() -> ResourceLocation.parse(big.toString()).read(getClass().getClassLoader()))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than");
        assertThatThrownBy(() -> ResourceLocation.parse("classpath:nope.xml").read(getClass().getClassLoader()))
                .isInstanceOf(IOException.class);
    }
}
