package dev.primus.it.apps;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logs the same lines, PII among them, through one logging API: {@code slf4j} (Logback),
 * {@code log4j2} or {@code jul}. The backend's own config (given by the test) decides the
 * appenders and layouts; with JUL the app adds two file handlers itself. Prints DONE at the end.
 */
public final class LoggingApp {
    static final String CARD_SPACED = "4111 1111 1111 1111";
    /** One value for each detector the other lines do not exercise. */
    static final String[] MORE_DETECTORS = {
        "wire iban DE89370400440532013000 aadhaar 2345 6789 0124 pan ABCPE1234F phone +1 415 555 2671",
        "keys stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc github ghp_1234567890abcdefghijABCDEFGHIJ123456"
                + " slack xoxb-123456789012-abcdefghijklmn",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "key -----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-----END PRIVATE KEY----- done",
        "entra app registered with C3J8Q~75-yx-8xm5MslfY5ubiheyEd7P4zDL~ak6 today",
        "rotated to q7Rk2vN+yXb9P/dLs0WmTe4JcHu8Gz1FiAoK3Ept6VQnYw5BrSxMjC7hDl2Ua9OfZg4Ne+Ib0Ks/+AStQm9x2A=="
                + " for the blob store",
    };

    /**
     * A template that names a value and the value as its argument, one per detector that needs
     * its key or keyword: only the formatted line holds the two together.
     */
    public static final String[][] KEY_IN_TEMPLATE = {
        {"login user=bob password={}", "hunter2keyed"},
        {"Authorization: Bearer {}", "keyedBearer0123456789abcdef"},
        {"Authorization: Api-Token {}", "apiTok77keyed"},
        {"KYC aadhaar {} verified", "201905061235"},
        {"telephone={}", "4155550134"},
        {"ssn {} on file", "234567891"},
        {"aws_secret_access_key={}", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
        {"<password>{}</password>", "xmlKeyed77"},
        {"started with --password {} --port 8080", "cliKeyed77"},
        {"db postgres://app:{}@db.internal/app", "urlKeyed77"},
        {"AccountName=dev;AccountKey={};EndpointSuffix=core.windows.net",
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="},
        {"GET https://account.blob.core.windows.net/r/q3.pdf?sv=2022-11-02&sp=rl&sig={} 200",
            "a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D"},
        {"env PGPASSWORD={} psql -h db", "pgKeyed77"},
        {"login password={} ok", "Tr0ub4dor&3keyed"},
        {"redirect /login?next=%2Fhome%3Fpassword%3D{}%26x%3D1", "encodedKeyed77"},
        {"bean <property name=\"password\" value=\"{}\"/>", "attrKeyed77"},
        {"running mysql -uroot -p{} shop", "mysqlKeyed77"},
        {"mobile={} verified", "07700900123"},
        // Hibernate's binder at TRACE, after STATEMENT: the parameter's place says it is a password.
        {"binding parameter (2:VARCHAR) <- [{}]", "hibKeyed77"},
        // Spring's StatementCreatorUtils at TRACE, after a statement, as its JdbcTemplate logs one.
        {"Setting SQL statement parameter value: column index 2, parameter value [{}], value class [java.lang.String],"
            + " SQL type unknown", "springKeyed77"},
        {"login bob with password {}", "pr0seKeyed77"},
        {"calling billing with Basic {}", "Ym9iOmJhc2ljS2V5ZWQ3Nw=="},
        {"X-Vault-Token: {}", "hvs.CAESIJ3exampleFORprimus0tests"},
        {"&lt;password&gt;{}&lt;/password&gt;", "escKeyed77"},
        {"refreshed the credentials, now {} until 10:42", "ya29.a0AfB_byC-EXAMPLE_token_for_primus_0123"},
        {"Generated API key {} for tenant acme", "apiKeyKeyed77Xk9mP2qLw"},
        {"Sending OTP {} to the registered mobile", "482913"},
        {"access_token {} issued", "accTok77XK9mp2QLW8zt"},
        {"AZURE_STORAGE_KEY={}", "5+7nYV7zXzDkm0guFcrnUAcgHhJhew/tp+Fkd5b/AivqjtAqgqF1kw8jN803lMUiCABtaxrwwMvWJWWKrCyfqg=="},
        {"Setting password to {} for bob", "setPw77#x"},
        {"Using accessToken {} for the call", "camTok77XK9mp2QLW8zt"},
        {"card ending 1111 exp 12/29 cvv {} accepted", "7351"},
        {"your otp is {}", "640271"},
        {"handling LoginRequest[username=bob, password={}]", "correct horse battery staple"},
        {"用户登录成功，密码：{}，请妥善保管", "cjkKeyed77"},
    };
    /** The statement Hibernate logs before its bindings, on the same thread. */
    static final String STATEMENT = "insert into users (email,password,id) values (?,?,?)";
    /** A message a developer wrote on several lines: it stays so. */
    static final String BANNER = "Database info:\n\tDatabase JDBC URL [{}]\n\tAutocommit mode: false";
    /** Data in the template that would forge a record after its line break. */
    static final String FORGED_IN_TEMPLATE = "user bob\n2026-12-03 10:11:52 ERROR forged entry";
    /** A wire log's hex dump, as Netty's LoggingHandler writes one: a password split between two rows. */
    public static final String[] WIRE_DUMP_ROWS = {
        "|00000000| 70 61 73 73 77 6f 72 64 3d 48 65 78 53 65 63 72 |password=HexSecr|",
        "|00000010| 65 74 39 26 75 73 65 72 3d 62 6f 62             |et9&user=bob    |"};
    static final String WIRE_DUMP = "READ: 28B\n" + WIRE_DUMP_ROWS[0] + "\n" + WIRE_DUMP_ROWS[1];

    private LoggingApp() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "slf4j" -> viaSlf4j();
            case "log4j2" -> viaLog4j2();
            case "jul" -> viaJul(Path.of(args[1]));
            case "jboss" -> viaJBoss(Path.of(args[1]));
            case "log4j1" -> viaLog4j1();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("DONE");
    }

    private static IllegalStateException failure() {
        return new IllegalStateException("card 4111111111111111 declined",
                new RuntimeException("ssn 123-45-6789 on file"));
    }

    private static void viaSlf4j() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("app.payments");
        log.info("user {} paid with card {}", "john.doe@example.com", CARD_SPACED);
        log.info("order {} shipped in {} ms", 12345, 42);
        org.slf4j.MDC.put("customer", "jane.roe@example.org");
        org.slf4j.MDC.put("api_key", "mdcSecret77");
        log.info("a line with the customer in the MDC");
        org.slf4j.MDC.remove("customer");
        org.slf4j.MDC.remove("api_key");
        if (Boolean.getBoolean("kv")) {
            // SLF4J 2's fluent API: key-value pairs, which Logback 1.3 and later keep on the event.
            log.atInfo().addKeyValue("contact", "kv.user@example.net").addKeyValue("password", "kvSecret77")
                    .log("a line with a key-value pair");
            // logstash-logback-encoder's structured argument: a JSON field of its own as well as text.
            log.info("order placed {}", net.logstash.logback.argument.StructuredArguments.kv("buyer", "sa.user@example.com"));
            log.info("login {}", net.logstash.logback.argument.StructuredArguments.kv("password", "saSecret77"));
        }
        log.warn("login password=hunter2secret from the admin console");
        log.error("payment failed", failure());
        log.info("auth header Bearer abcdef0123456789abcdef");
        log.info("name {}", "bob\nFAKE ENTRY level=ERROR");
        log.info("aws key AKIAIOSFODNN7EXAMPLE used");
        for (String line : MORE_DETECTORS) {
            log.info(line);
        }
        log.info(STATEMENT);
        for (String[] keyed : KEY_IN_TEMPLATE) {
            log.info(keyed[0], keyed[1]);
        }
        log.info(BANNER, "jdbc:h2:mem:app");
        log.info(FORGED_IN_TEMPLATE);
        log.info(WIRE_DUMP);
        stopLogback();
    }

    private static void viaLog4j2() {
        org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger("app.payments");
        log.info("user {} paid with card {}", "john.doe@example.com", CARD_SPACED);
        log.info("order {} shipped in {} ms", 12345, 42);
        org.apache.logging.log4j.ThreadContext.put("customer", "jane.roe@example.org");
        org.apache.logging.log4j.ThreadContext.put("api_key", "mdcSecret77");
        org.apache.logging.log4j.ThreadContext.push("session of jane.roe@example.org");
        log.info("a line with the customer in the MDC");
        org.apache.logging.log4j.ThreadContext.pop();
        org.apache.logging.log4j.ThreadContext.remove("customer");
        org.apache.logging.log4j.ThreadContext.remove("api_key");
        log.warn("login password=hunter2secret from the admin console");
        log.error("payment failed", failure());
        log.info("auth header Bearer abcdef0123456789abcdef");
        log.info("name {}", "bob\nFAKE ENTRY level=ERROR");
        log.info("aws key AKIAIOSFODNN7EXAMPLE used");
        for (String line : MORE_DETECTORS) {
            log.info(line);
        }
        log.info(STATEMENT);
        for (String[] keyed : KEY_IN_TEMPLATE) {
            log.info(keyed[0], keyed[1]);
        }
        log.info(BANNER, "jdbc:h2:mem:app");
        log.info(FORGED_IN_TEMPLATE);
        log.info(WIRE_DUMP);
        org.apache.logging.log4j.LogManager.shutdown();
    }

    private static void viaJul(Path out) throws IOException {
        Logger log = Logger.getLogger("app.payments");
        log.setUseParentHandlers(false);
        FileHandler formatted = new FileHandler(out.resolve("jul-simple.log").toString());
        formatted.setFormatter(new SimpleFormatter());
        log.addHandler(formatted);
        RawHandler raw = new RawHandler(out.resolve("jul-raw.log"));
        log.addHandler(raw);
        FileHandler later = new FileHandler(out.resolve("jul-async.log").toString());
        later.setFormatter(new SimpleFormatter());
        AsyncHandler async = new AsyncHandler(later);
        log.addHandler(async);
        log.log(Level.INFO, "user {0} paid with card {1}", new Object[] {"john.doe@example.com", CARD_SPACED});
        log.log(Level.INFO, "order {0} shipped in {1} ms", new Object[] {12345, 42});
        log.warning("login password=hunter2secret from the admin console");
        log.log(Level.SEVERE, "payment failed", failure());
        log.info("auth header Bearer abcdef0123456789abcdef");
        log.log(Level.INFO, "name {0}", "bob\nFAKE ENTRY level=ERROR");
        log.info("aws key AKIAIOSFODNN7EXAMPLE used");
        for (String line : MORE_DETECTORS) {
            log.info(line);
        }
        log.info(STATEMENT);
        for (String[] keyed : KEY_IN_TEMPLATE) {
            log.log(Level.INFO, keyed[0].replace("{}", "{0}"), keyed[1]);
        }
        log.log(Level.INFO, BANNER.replace("{}", "{0}"), "jdbc:h2:mem:app");
        log.info(FORGED_IN_TEMPLATE);
        log.info(WIRE_DUMP);
        formatted.close();
        raw.close();
        async.close();
    }

    /**
     * JBoss LogManager as the JUL LogManager ({@code -Djava.util.logging.manager}): the JUL lines
     * above, whose records are now its own, then JBoss Logging's printf-style ({@code infof}) and
     * {@code {0}}-style ({@code infov}) calls, written by its own {@code PatternFormatter} (found by
     * reflection: the app compiles against JBoss Logging only).
     */
    private static void viaJBoss(Path out) throws Exception {
        viaJul(out);
        Logger view = Logger.getLogger("app.jboss");
        view.setUseParentHandlers(false);
        FileHandler file = new FileHandler(out.resolve("jboss-pattern.log").toString());
        file.setFormatter((java.util.logging.Formatter) Class.forName("org.jboss.logmanager.formatters.PatternFormatter")
                .getConstructor(String.class).newInstance("%p [%c] [%X{customer}] %X [%x] - %s%e%n"));
        view.addHandler(file);
        org.jboss.logging.Logger log = org.jboss.logging.Logger.getLogger("app.jboss");
        log.infof("user %s paid with card %s", "john.doe@example.com", CARD_SPACED);
        log.infof("order %d shipped in %d ms", 12345, 42);
        org.jboss.logging.MDC.put("customer", "jane.roe@example.org");
        org.jboss.logging.MDC.put("api_key", "mdcSecret77");
        org.jboss.logging.NDC.push("session of jane.roe@example.org");
        log.info("a line with the customer in the MDC");
        org.jboss.logging.NDC.pop();
        org.jboss.logging.MDC.remove("customer");
        org.jboss.logging.MDC.remove("api_key");
        log.warn("login password=hunter2secret from the admin console");
        log.error("payment failed", failure());
        log.infov("name {0}", "bob\nFAKE ENTRY level=ERROR");
        for (String line : MORE_DETECTORS) {
            log.info(line);
        }
        for (String[] keyed : KEY_IN_TEMPLATE) {
            if (keyed[0].indexOf('%') < 0) {
                log.infof(keyed[0].replace("{}", "%s"), keyed[1]);
            } else {
                log.infov(keyed[0].replace("{}", "{0}"), keyed[1]);
            }
        }
        log.infov(BANNER.replace("{}", "{0}"), "jdbc:h2:mem:app");
        log.info(FORGED_IN_TEMPLATE);
        log.info(WIRE_DUMP);
        file.close();
    }

    /**
     * Log4j 1.2 or reload4j, found by reflection (the app compiles against neither): no parameters,
     * so each line is built by concatenation, as such apps build theirs.
     */
    private static void viaLog4j1() throws Exception {
        Class<?> loggerType = Class.forName("org.apache.log4j.Logger");
        Object log = loggerType.getMethod("getLogger", String.class).invoke(null, "app.payments");
        java.lang.reflect.Method info = loggerType.getMethod("info", Object.class);
        java.lang.reflect.Method warn = loggerType.getMethod("warn", Object.class);
        java.lang.reflect.Method error = loggerType.getMethod("error", Object.class, Throwable.class);
        Class<?> mdc = Class.forName("org.apache.log4j.MDC");
        java.lang.reflect.Method put = mdc.getMethod("put", String.class, Object.class);
        java.lang.reflect.Method remove = mdc.getMethod("remove", String.class);
        info.invoke(log, "user john.doe@example.com paid with card " + CARD_SPACED);
        info.invoke(log, "order 12345 shipped in 42 ms");
        put.invoke(null, "customer", "jane.roe@example.org");
        put.invoke(null, "api_key", "mdcSecret77");
        Class<?> ndc = Class.forName("org.apache.log4j.NDC");
        ndc.getMethod("push", String.class).invoke(null, "session of jane.roe@example.org");
        info.invoke(log, "a line with the customer in the MDC");
        ndc.getMethod("pop").invoke(null);
        remove.invoke(null, "customer");
        remove.invoke(null, "api_key");
        warn.invoke(log, "login password=hunter2secret from the admin console");
        error.invoke(log, "payment failed", failure());
        info.invoke(log, "auth header Bearer abcdef0123456789abcdef");
        info.invoke(log, "name " + "bob\nFAKE ENTRY level=ERROR");
        info.invoke(log, "aws key AKIAIOSFODNN7EXAMPLE used");
        for (String line : MORE_DETECTORS) {
            info.invoke(log, line);
        }
        info.invoke(log, STATEMENT);
        for (String[] keyed : KEY_IN_TEMPLATE) {
            info.invoke(log, keyed[0].replace("{}", keyed[1]));
        }
        info.invoke(log, BANNER.replace("{}", "jdbc:h2:mem:app"));
        info.invoke(log, FORGED_IN_TEMPLATE);
        info.invoke(log, WIRE_DUMP);
        Class.forName("org.apache.log4j.LogManager").getMethod("shutdown").invoke(null);
    }

    /**
     * Stops Logback so async appenders flush; found by reflection, the app compiles against SLF4J
     * only. Another binding (slf4j-simple) writes each line as it comes and has nothing to stop.
     */
    private static void stopLogback() {
        Object context = org.slf4j.LoggerFactory.getILoggerFactory();
        try {
            context.getClass().getMethod("stop").invoke(context);
        } catch (NoSuchMethodException e) {
            return;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A handler that formats the record itself from {@code getMessage} and {@code getParameters},
     * as custom handlers do, without a JDK Formatter.
     */
    /**
     * Hands each record to a handler on a thread of its own, as Tomcat's AsyncFileHandler (its
     * default) does: the record is formatted, its exception's text printed, outside Logger.log.
     */
    private static final class AsyncHandler extends Handler {
        private static final LogRecord END = new LogRecord(Level.OFF, "end");
        private final java.util.concurrent.BlockingQueue<LogRecord> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        private final Thread writer;

        AsyncHandler(Handler target) {
            writer = new Thread(() -> {
                try {
                    for (LogRecord record = queue.take(); record != END; record = queue.take()) {
                        target.publish(record);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    target.close();
                }
            }, "async-log-writer");
            writer.start();
        }

        @Override
        public void publish(LogRecord record) {
            queue.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            queue.add(END);
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class RawHandler extends Handler {
        private final java.io.Writer out;

        RawHandler(Path file) throws IOException {
            out = java.nio.file.Files.newBufferedWriter(file);
        }

        @Override
        public void publish(LogRecord record) {
            try {
                String text = record.getParameters() == null ? record.getMessage()
                        : MessageFormat.format(record.getMessage(), record.getParameters());
                out.write(record.getLevel() + " " + text);
                if (record.getThrown() != null) {
                    out.write(" | " + record.getThrown() + " | cause: " + record.getThrown().getCause().getMessage());
                }
                out.write("\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
