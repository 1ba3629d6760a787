package dev.primus.agent.cli;

import dev.primus.agent.masking.LogMessages;
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
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code mask [--report] FILE}: masks standard input with FILE's masking config the way the agent
 * masks a message, for trying rules on a real log before a rollout. A message may span lines
 * ({@link LogMessages}): a PEM block or a stack trace is judged whole, and its own line breaks
 * stay, as they do in the agent. Every line ending is written back as it came (CRLF stays CRLF).
 */
final class MaskCommand {
    /** A message never grows past this many chars: a file with no record starts is masked in pieces, not held whole. */
    private static final int MAX_MESSAGE = 1 << 20;
    private static final String ARMOR_BEGIN = "-----BEGIN ";
    private static final String ARMOR_END = "-----END ";

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

    int run(String configFile, boolean report) {
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
        Masker masker = Masker.from(config, true);
        try {
            maskMessages(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), masker);
        } catch (IOException e) {
            err.println("cannot read standard input: " + e.getMessage());
            return Cli.FAILED;
        }
        out.flush();
        if (report) {
            for (Map.Entry<String, Long> count : masker.drainCounts().entrySet()) {
                err.println("masked " + count.getValue() + " by " + count.getKey());
            }
        }
        return Cli.OK;
    }

    /**
     * Reads lines with their endings and gathers them into messages: a line that begins one
     * ({@link LogMessages#beginsMessage}, which asks whether the message before started as a log
     * record) or follows a blank line ends the message before it; but
     * not inside an armored block, a {@code -----BEGIN } line to its {@code -----END } line, where
     * a blank line is the block's own (a PGP key's after its headers, an encrypted PEM's after
     * {@code DEK-Info}): split there, the key's body would be a message of its own, which no
     * detector could tell from any other base64. There only a line that starts a log record ends
     * the message, as where a daemon logs each line of a block as a record of its own.
     */
    private void maskMessages(Reader reader, Masker masker) throws IOException {
        StringBuilder message = new StringBuilder();
        StringBuilder line = new StringBuilder();
        String lastEnding = null; // the ending of the message's last line; null while there is no message
        boolean blank = false;
        boolean armored = false;
        boolean record = false; // whether the message's first line started as a log record does
        while (true) {
            String ending = readLine(reader, line);
            if (ending == null && line.length() == 0) {
                break;
            }
            boolean ends = armored ? LogMessages.startsRecord(line) : blank || LogMessages.beginsMessage(line, record);
            if (lastEnding != null && (ends || message.length() > MAX_MESSAGE)) {
                write(masker, message, lastEnding);
                message.setLength(0);
                lastEnding = null;
            }
            if (lastEnding != null) {
                message.append(lastEnding);
            } else {
                record = LogMessages.startsRecord(line);
            }
            message.append(line);
            lastEnding = ending == null ? "" : ending;
            blank = LogMessages.isBlank(line);
            armored = line.indexOf(ARMOR_END) < 0 && (armored || line.indexOf(ARMOR_BEGIN) >= 0);
            if (ending == null) {
                break;
            }
        }
        if (lastEnding != null) {
            write(masker, message, lastEnding);
        }
    }

    private void write(Masker masker, StringBuilder message, String ending) {
        String text = message.toString();
        out.print(masker.maskMessage(text, text, null));
        out.print(ending);
    }

    /** Reads one line into {@code line}; its ending ("\n", "\r\n"), or null at the end of input. */
    private static String readLine(Reader reader, StringBuilder line) throws IOException {
        line.setLength(0);
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            if (c == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                    return "\r\n";
                }
                return "\n";
            }
            line.append((char) c);
        }
        return null;
    }
}
