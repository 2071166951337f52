package org.plenary.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.plenary.Version;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioYaml;

/** manifest.json: everything needed to know how a results directory was made and to remake it. */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {
    }

    /** What the command line and environment contribute to a manifest. */
    public record Context(List<String> commandLine, Path scenarioFile, String scenarioSha256, int threads,
                          Instant start, Instant end) { }

    /** Writes {@code manifest} as {@code directory/manifest.json}. */
    public static void write(Path directory, Map<String, Object> manifest) throws IOException {
        JSON.writeValue(directory.resolve("manifest.json").toFile(), manifest);
    }

    public static Map<String, Object> build(Scenario scenario, List<Long> seeds, Context context) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "plenary");
        root.put("version", Version.get());
        root.put("git_commit", gitCommit());
        root.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        root.put("command_line", context.commandLine());
        root.put("scenario_file", context.scenarioFile().toString());
        root.put("scenario_sha256", context.scenarioSha256());
        root.put("scenario_name", scenario.name());
        root.put("threads", context.threads());
        root.put("start", context.start().toString());
        root.put("end", context.end().toString());
        root.put("master_seed", scenario.seed());
        root.put("seed_derivation", "SplitMix64 hash of (master seed, 0, replication number); the 0 is the point"
                + " number a sweep would give, so a plain run and a sweep's first point share seeds");
        List<Map<String, Object>> replicationSeeds = new ArrayList<>();
        for (int r = 0; r < seeds.size(); r++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("replication", r + 1);
            entry.put("seed", seeds.get(r));
            replicationSeeds.add(entry);
        }
        root.put("replication_seeds", replicationSeeds);
        root.put("parameters", ScenarioYaml.toMap(scenario));
        return root;
    }

    /** The commit of the Plenary checkout this jar was built in, or "unknown" outside one. */
    public static String gitCommit() {
        try {
            Path jar = Path.of(Manifest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path directory = Files.isDirectory(jar) ? jar : jar.getParent();
            Process git = new ProcessBuilder("git", "-C", directory.toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(true).start();
            try (InputStream out = git.getInputStream()) {
                if (!git.waitFor(5, TimeUnit.SECONDS)) {
                    git.destroyForcibly();
                    return "unknown";
                }
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
                return git.exitValue() == 0 && text.matches("[0-9a-f]{40}") ? text : "unknown";
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
