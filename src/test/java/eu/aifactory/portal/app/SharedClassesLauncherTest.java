package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedClassesLauncherTest {

    @TempDir
    Path dir;
    private Path jar;
    private Path classes;
    private SharedClassesLauncher launcher;

    @BeforeEach
    void classPath() throws IOException {
        jar = Files.writeString(dir.resolve("lib.jar"), "not really a jar");
        classes = Files.createDirectories(dir.resolve("classes/db/migration"));
        Files.writeString(classes.resolve("V1__init.sql"), "create table t (id int);");
        launcher = new SharedClassesLauncher(dir.resolve("cds"), Path.of("/jdk/bin/java"),
                List.of(dir.resolve("classes"), jar), List.of("-Dportal.dataDir=/data"));
    }

    @Test
    void firstStartWritesTheArchiveAtExitAndLaterStartsMapIt() throws IOException {
        String key = launcher.key();
        Path archive = dir.resolve("cds").resolve(key + ".jsa");
        Path pending = dir.resolve("cds").resolve(key + ".jsa.part");
        Files.createDirectories(archive.getParent());

        List<String> first = launcher.command(key, archive, pending, new String[0]);
        Files.writeString(archive, "archive");
        List<String> later = launcher.command(key, archive, pending, new String[] {"report.json"});

        List<String> options = SharedClassesLauncher.PORTAL_OPTIONS;
        assertThat(first.subList(options.size() + 1, first.size()))
                .startsWith("-Dportal.dataDir=/data", "-XX:ArchiveClassesAtExit=" + pending);
        assertThat(later.subList(options.size() + 1, later.size())).startsWith("-Dportal.dataDir=/data",
                "-XX:SharedArchiveFile=" + archive, "-D" + SharedClassesLauncher.IN_PLACE + "=true");
        assertThat(later).endsWith(Launcher.class.getName(), "report.json");
    }

    @Test
    void thePortalsMemoryOptionsComeFirstSoTheUsersOwnOptionsWin() throws IOException {
        SharedClassesLauncher withUserHeap = new SharedClassesLauncher(dir.resolve("cds"), Path.of("/jdk/bin/java"),
                List.of(jar), List.of("-Xmx2g"));
        String key = withUserHeap.key();

        List<String> command = withUserHeap.command(key, dir.resolve("cds/a.jsa"), dir.resolve("cds/a.part"),
                new String[0]);

        assertThat(command).startsWith("/jdk/bin/java", "-XX:+UseSerialGC");
        assertThat(command).contains("-Xmx2g");
        assertThat(command.indexOf("-Xmx2g")).isGreaterThan(command.indexOf(SharedClassesLauncher.PORTAL_OPTIONS.get(
                SharedClassesLauncher.PORTAL_OPTIONS.size() - 1)));
    }

    @Test
    void classDirectoriesArePackedIntoAJarWithTheirFoldersSinceTheArchiveTakesOnlyJars() throws IOException {
        String key = launcher.key();
        Files.createDirectories(dir.resolve("cds"));
        List<String> command = launcher.command(key, dir.resolve("cds/a.jsa"), dir.resolve("cds/a.part"), new String[0]);

        String classPath = command.get(command.indexOf("-cp") + 1);
        String packed = classPath.split(java.io.File.pathSeparator)[0];
        assertThat(classPath).endsWith(jar.toString());
        try (JarFile file = new JarFile(packed)) {
            assertThat(Collections.list(file.entries())).extracting(entry -> entry.getName())
                    .contains("db/", "db/migration/", "db/migration/V1__init.sql");
        }
    }

    @Test
    void aRebuiltJarOrChangedClassesGetANewArchive() throws IOException {
        String before = launcher.key();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        String afterJar = launcher.key();
        Files.writeString(classes.resolve("V2__more.sql"), "alter table t add column name varchar(10);");

        assertThat(afterJar).isNotEqualTo(before);
        assertThat(launcher.key()).isNotEqualTo(afterJar).isNotEqualTo(before);
    }

    @Test
    void thisJdkAcceptsThePortalsOptionsAndKeepsTheYoungGenerationSmall() throws IOException, InterruptedException {
        // An option this JDK does not know would stop every portal start, so ask a real JVM rather than the list.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(SharedClassesLauncher.PORTAL_OPTIONS);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.contains(" MaxNewSize ")).findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("= " + (24L << 20) + " "));
        assertThat(output).containsPattern("UseSerialGC +=\\s+true");
    }

    @Test
    void installedLaunchersStartWithTheSameJvmOptions() throws IOException {
        // The macOS and Linux launchers start in place with installer/common.sh's options, not through this class.
        String assignment = Files.readAllLines(Path.of("installer/common.sh")).stream()
                .filter(line -> line.startsWith("portal_java_options=")).findFirst().orElseThrow();
        String options = assignment.substring(assignment.indexOf('"') + 1, assignment.lastIndexOf('"'));

        assertThat(List.of(options.split(" "))).isEqualTo(SharedClassesLauncher.PORTAL_OPTIONS);
    }
}
