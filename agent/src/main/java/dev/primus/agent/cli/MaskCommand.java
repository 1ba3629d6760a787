package dev.primus.agent.cli;

import dev.primus.agent.masking.Masker;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Environment;
import dev.primus.config.LoadResult;
import dev.primus.config.MaskingConfig;
import dev.primus.config.Mode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code mask FILE}: masks standard input line by line with FILE's masking config, for trying rules. */
final class MaskCommand {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Environment environment;

    MaskCommand(InputStream in, PrintStream out, PrintStream err, Environment environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(String configFile) {
        LoadResult result = new ConfigLoader(environment).load(new File(configFile));
        if (!result.isValid()) {
            for (ConfigError error : result.errors()) {
                err.println(error);
            }
            return Cli.FAILED;
        }
        MaskingConfig config = result.config().masking();
        if (config.mode() != Mode.ENFORCE) {
            err.println("note: logging.masking.mode is " + config.mode().word() + " in " + configFile
                    + "; this shows what enforce would write");
        }
        Masker masker = Masker.from(config);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.println(masker.mask(line));
            }
        } catch (IOException e) {
            err.println("cannot read standard input: " + e.getMessage());
            return Cli.FAILED;
        }
        out.flush();
        for (Map.Entry<String, Long> count : masker.drainCounts().entrySet()) {
            err.println("masked " + count.getValue() + " by " + count.getKey());
        }
        return Cli.OK;
    }
}
