package cn.nmsdz.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every JVM of the suite starts with a loose heap (the launcher's free ratios 70-90 %) and, once started, runs with
 * the steady 5-10 % that keeps its RSS down after load (support-jvm's HeapAfterStart, BENCHMARKS §19): read from the
 * running JVMs themselves with the JDK's jcmd.
 */
@ExtendWith(Suite.class)
class HeapIT {
    static final List<String> RUNNABLES = List.of("indicator-service", "evidence-service", "scoring-service", "web", "gateway");

    @Test
    void everyServiceStartsLooseAndRunsWithTheSteadyHeapRatios() throws Exception {
        Assumptions.assumeFalse(Suite.EXTERNAL, "reads the suite's own JVMs: only on a suite of its own");
        for (String runnable : RUNNABLES) {
            long pid = Long.parseLong(Files.readString(Path.of(System.getenv("NMSDZ_HOME"), "run", runnable + ".pid")).trim());
            String commandLine = jcmd(pid, "VM.command_line");
            assertTrue(commandLine.contains("-XX:MinHeapFreeRatio=70") && commandLine.contains("-XX:MaxHeapFreeRatio=90"),
                    runnable + " was not launched with the start ratios:\n" + commandLine);
            List<String> flags = List.of(jcmd(pid, "VM.flags").split("\\s+"));
            assertEquals(List.of("-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=10"),
                    flags.stream().filter(f -> f.contains("HeapFreeRatio=")).sorted(java.util.Comparator.reverseOrder()).toList(),
                    runnable + " runs without the steady ratios");
        }
    }

    /** jcmd of the services' JDK (the launcher's NMSDZ_JAVA when it is a path, else this JVM's own). */
    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String java = System.getenv("NMSDZ_JAVA");
        Path bin = java != null && java.contains("/") ? Path.of(java).toAbsolutePath().getParent()
                : Path.of(System.getProperty("java.home"), "bin");
        Process process = new ProcessBuilder(bin.resolve("jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "jcmd " + command + ": " + output);
        return output;
    }
}
