package dev.primus.agent.masking;

/**
 * vendor_token: the API tokens that vendors made recognisable by a prefix of their own, most
 * ended by a '_' or '-', and a body of a fixed alphabet and length: Docker Hub, PyPI, Shopify,
 * DigitalOcean, Linear, Postman, New Relic, Supabase, Pulumi, Grafana, age, Sentry, Square,
 * Notion, Heroku, Groq, xAI, Perplexity, Replicate, Brevo, Shippo, Fly.io, PlanetScale, Prefect,
 * Clojars, Contentful, Duffel, 1Password, Google OAuth client secrets, SonarQube, CircleCI,
 * Buildkite, Pinecone, LangSmith, Sourcegraph, ReadMe, New Relic's insert and browser keys,
 * Adobe, Flutterwave, Octopus Deploy, Razorpay's key ids; and Atlassian's and Bitbucket's
 * tokens, Firebase Cloud Messaging's legacy server keys, JFrog's and Alibaba's keys, Square's
 * production tokens, Meta's access tokens and NATS NKey seeds, whose prefixes no delimiter
 * ends; Vault's tokens, found from the body after their dot; and Microsoft Entra ID's client
 * secrets, found from their {@code Q~} ({@link EntraClientSecrets}). The formats
 * are the vendors' own, as the public gitleaks and trufflehog rules collect them; a prefix
 * without its exact body ({@code dckr_pat_test}, {@code pypi-proxy}) is left alone. Not
 * Infracost's {@code ico-} and 32 letters and digits: an asset's name and MD5 fingerprint
 * ({@code ico-5d41402a....png}) have that shape. Not the other prefixes no delimiter ends that
 * start with a lower-case letter (Databricks' {@code dapi}, Doppler's {@code dp.pt.}, Dynatrace's
 * {@code dt0c01.}): asked at every word that starts like them ("data", "date", "http"), this
 * detector made a line of such words cost the scan 2.5 times as much. Hand-written as the other
 * detectors are: a regex engine would be a dependency in the jar and a pass of its own over every
 * line.
 */
final class VendorTokens {
    private static final TokenFormat[] FORMATS = {
        new TokenFormat("dckr_pat_", "u{20,64}"), // Docker Hub personal access token: 27 in practice
        new TokenFormat("dckr_oat_", "u{20,64}"), // Docker Hub organization access token
        new TokenFormat("pypi-AgE", "u{50,1000}"), // a PyPI macaroon, pypi.org's or test.pypi.org's
        new TokenFormat("shpat_", "x{32}"), // Shopify: admin API access token
        new TokenFormat("shpca_", "x{32}"), // custom app
        new TokenFormat("shppa_", "x{32}"), // private app
        new TokenFormat("shpss_", "x{32}"), // shared secret
        new TokenFormat("dop_v1_", "h{64}"), // DigitalOcean: personal access token
        new TokenFormat("doo_v1_", "h{64}"), // OAuth token
        new TokenFormat("dor_v1_", "h{64}"), // refresh token
        new TokenFormat("lin_api_", "a{40}"), // Linear
        new TokenFormat("PMAK-", "x{24}-x{34}"), // Postman
        new TokenFormat("NRAK-", "A{27}"), // New Relic user API key
        new TokenFormat("sbp_", "h{40}"), // Supabase personal access token
        new TokenFormat("pul-", "h{40}"), // Pulumi
        new TokenFormat("glsa_", "a{32}_x{8}"), // Grafana service account token
        new TokenFormat("glc_", "s{32,400}"), // Grafana Cloud API token
        new TokenFormat("AGE-SECRET-KEY-1", "B{58}"), // an age identity
        new TokenFormat("sntryu_", "h{64}"), // Sentry user token
        new TokenFormat("sntrys_eyJ", "s{50,400}_s{43}"), // Sentry organization token
        new TokenFormat("sq0atp-", "u{22}"), // Square access token
        new TokenFormat("sq0csp-", "u{43}"), // Square OAuth secret
        new TokenFormat("ntn_", "a{46}"), // Notion integration token
        new TokenFormat("HRKU-AA", "u{58}"), // Heroku
        new TokenFormat("gsk_", "a{52}"), // Groq
        new TokenFormat("xai-", "w{80}"), // xAI
        new TokenFormat("pplx-", "a{48}"), // Perplexity
        new TokenFormat("r8_", "u{37}"), // Replicate
        new TokenFormat("xkeysib-", "h{64}-a{16}"), // Brevo (Sendinblue)
        new TokenFormat("shippo_live_", "h{40}"), // Shippo
        new TokenFormat("shippo_test_", "h{40}"),
        new TokenFormat("fo1_", "u{43}"), // Fly.io
        new TokenFormat("pscale_tkn_", "u{32,64}"), // PlanetScale: API token
        new TokenFormat("pscale_pw_", "u{32,64}"), // database password
        new TokenFormat("pnu_", "a{36}"), // Prefect
        new TokenFormat("CLOJARS_", "a{60}"), // Clojars deploy token
        new TokenFormat("CFPAT-", "u{43}"), // Contentful personal access token
        new TokenFormat("duffel_live_", "u{43}"), // Duffel
        new TokenFormat("duffel_test_", "u{43}"),
        new TokenFormat("ops_eyJ", "s{100,2000}"), // 1Password service account: base64 of JSON, '+' and '/' in it
        new TokenFormat("GOCSPX-", "u{28}"), // a Google OAuth client's secret
        new TokenFormat("squ_", "h{40}"), // SonarQube: user token
        new TokenFormat("sqp_", "h{40}"), // project analysis token
        new TokenFormat("sqa_", "h{40}"), // global analysis token
        new TokenFormat("CCIPAT_", "a{22}_h{40}"), // CircleCI personal API token
        new TokenFormat("bkua_", "h{40}"), // Buildkite user API token
        new TokenFormat("pcsk_", "a{4,8}_a{50,80}"), // Pinecone
        new TokenFormat("lsv2_pt_", "h{32}_h{10}"), // LangSmith: personal access token
        new TokenFormat("lsv2_sk_", "h{32}_h{10}"), // service key
        new TokenFormat("sgp_", "h{16}_h{40}"), // Sourcegraph access token
        new TokenFormat("rdme_", "a{70}"), // ReadMe
        new TokenFormat("NRII-", "u{32}"), // New Relic insert key
        new TokenFormat("NRJS-", "h{19}"), // New Relic browser key
        new TokenFormat("p8e-", "a{32}"), // Adobe client secret
        new TokenFormat("FLWSECK-", "h{32}-A{1}"), // Flutterwave secret key: its last char is X
        new TokenFormat("FLWSECK_TEST-", "h{32}-A{1}"),
        new TokenFormat("API-", "A{26}"), // Octopus Deploy
        new TokenFormat("rzp_live_", "a{14}"), // Razorpay key id: the secret goes with it
        new TokenFormat("rzp_test_", "a{14}"),
    };

    /**
     * Prefixes no '_' or '-' ends: the scan asks at their first char at a word start when the
     * next is their second. An upper-case first char starts other values already (IBANs, PANs),
     * so no new char leaves the scan's loop, and few words start with the two.
     */
    private static final TokenFormat[] UNDELIMITED = {
        new TokenFormat("ATATT3", "u{150,250}=x{8}"), // Atlassian API token: ATATT3xFfGF0..., '=' and a CRC32
        new TokenFormat("AAAA", "u{7}:u{140}"), // Firebase Cloud Messaging's legacy server key: AAAAxxxxxxx:APA91b...
        new TokenFormat("ATCTT3", "u{150,250}=x{8}"), // Bitbucket access token: Atlassian's shape
        new TokenFormat("AKCp", "a{69}"), // JFrog Artifactory API key
        new TokenFormat("LTAI", "a{20}"), // Alibaba Cloud AccessKey ID
        new TokenFormat("EAAA", "u{60}"), // Square production access token
        new TokenFormat("EAAB", "a{100,400}"), // Facebook (Meta) access tokens: app, user, page and system user
        new TokenFormat("EAAC", "a{100,400}"),
        new TokenFormat("EAAG", "a{100,400}"),
        new TokenFormat("EAAM", "a{100,400}"),
        new TokenFormat("SUA", "A{55}"), // NATS NKey seeds (a private key): user, account, operator
        new TokenFormat("SAA", "A{55}"),
        new TokenFormat("SOA", "A{55}"),
    };

    /**
     * Vault's service and batch tokens, {@code hvs.} or {@code hvb.} then base64url. A lower-case
     * 'h' at every word start would cost the scan a trigger; so the scan asks at the body's first
     * chars ({@code CAES}, the protobuf every service token encodes first; {@code AAAAAQ}, a batch
     * token's version), capitals that start other values already, and this reads the prefix back.
     * The legacy {@code s.} tokens are left alone: two chars and a dot before 24 are any word.
     */
    private static final TokenFormat[] AFTER_DOT = {
        new TokenFormat("hvs.CAES", "u{86,116}"),
        new TokenFormat("hvb.AAAAAQ", "u{132,294}"),
    };
    /** What {@link #AFTER_DOT}'s prefixes hold before their dot. */
    private static final int BEFORE_DOT = 4;

    /** The formats by their prefix's first char: the scan asks this detector at a word start it cannot tell apart. */
    private static final TokenFormat[][] BY_FIRST_CHAR = new TokenFormat[128][];
    /**
     * Bit {@code (c << 7) | d}: some prefix has ASCII chars c and d first and second, and in
     * {@link #SECOND_PAIRS} second and third. Most words that start like a prefix ("done",
     * "data", "pull") are ruled out by the two before any format is compared.
     */
    private static final long[] FIRST_PAIRS = new long[128 * 128 / 64];
    private static final long[] SECOND_PAIRS = new long[128 * 128 / 64];

    static {
        for (TokenFormat format : AFTER_DOT) {
            String body = format.prefix.substring(BEFORE_DOT);
            add(FIRST_PAIRS, body.charAt(0), body.charAt(1));
            add(SECOND_PAIRS, body.charAt(1), body.charAt(2));
        }
        for (TokenFormat format : all()) {
            char first = format.prefix.charAt(0);
            TokenFormat[] formats = BY_FIRST_CHAR[first];
            formats = formats == null ? new TokenFormat[1] : java.util.Arrays.copyOf(formats, formats.length + 1);
            formats[formats.length - 1] = format;
            BY_FIRST_CHAR[first] = formats;
            add(FIRST_PAIRS, first, format.prefix.charAt(1));
            add(SECOND_PAIRS, format.prefix.charAt(1), format.prefix.charAt(2));
        }
    }

    private VendorTokens() {
    }

    /** {@code at} is a word start with one of {@link #firstChars()}, or the start of an Entra ID client secret. */
    static long match(CharSequence s, int floor, int at, int end) {
        if (at + 2 >= end) {
            return Match.NONE;
        }
        long entra = EntraClientSecrets.match(s, floor, at, end);
        if (entra != Match.NONE) {
            return entra;
        }
        char first = s.charAt(at);
        char second = s.charAt(at + 1);
        char third = s.charAt(at + 2);
        if (first >= 128 || second >= 128 || third >= 128 || !holds(FIRST_PAIRS, first, second)
                || !holds(SECOND_PAIRS, second, third) || CharClass.prefixWordBefore(s, floor, at)) {
            return Match.NONE;
        }
        if (at - BEFORE_DOT >= floor && s.charAt(at - 1) == '.') {
            long vault = afterDot(s, floor, at - BEFORE_DOT, end);
            if (vault != Match.NONE) {
                return vault;
            }
        }
        TokenFormat[] formats = BY_FIRST_CHAR[first];
        for (int i = 0; formats != null && i < formats.length; i++) {
            int stop = formats[i].end(s, at, end);
            if (stop > 0) {
                return Match.of(at, stop);
            }
        }
        return Match.NONE;
    }

    /** A token of {@link #AFTER_DOT} whose prefix starts at {@code at}, a word start. */
    private static long afterDot(CharSequence s, int floor, int at, int end) {
        if (CharClass.prefixWordBefore(s, floor, at)) {
            return Match.NONE;
        }
        for (TokenFormat format : AFTER_DOT) {
            int stop = format.end(s, at, end);
            if (stop > 0) {
                return Match.of(at, stop);
            }
        }
        return Match.NONE;
    }

    private static void add(long[] pairs, char c, char d) {
        int pair = c << 7 | d;
        pairs[pair >>> 6] |= 1L << pair;
    }

    private static boolean holds(long[] pairs, char c, char d) {
        int pair = c << 7 | d;
        return (pairs[pair >>> 6] & 1L << pair) != 0;
    }

    /** The chars a prefix starts with: where the scan asks this detector. */
    static String firstChars() {
        return charsAt(0);
    }

    /** The chars a prefix has second: the scan's next-char narrowing. */
    static String secondChars() {
        return charsAt(1);
    }

    /** The prefixes no delimiter ends: the scan asks this detector at their first two chars at a word start. */
    static String[] undelimitedPrefixes() {
        String[] prefixes = java.util.Arrays.copyOf(prefixesOf(UNDELIMITED), UNDELIMITED.length + AFTER_DOT.length);
        for (int i = 0; i < AFTER_DOT.length; i++) {
            prefixes[UNDELIMITED.length + i] = AFTER_DOT[i].prefix.substring(BEFORE_DOT);
        }
        return prefixes;
    }

    /** The chars right before each prefix's first '_' or '-', which announce it. */
    static String charsBeforeDelimiter() {
        StringBuilder chars = new StringBuilder();
        for (TokenFormat format : FORMATS) {
            chars.append(format.prefix.charAt(firstDelimiter(format.prefix) - 1));
        }
        return chars.toString();
    }

    /** The position of the first '_' or '-' in {@code prefix}: the word before it is what the scan reads back. */
    static int firstDelimiter(String prefix) {
        int underscore = prefix.indexOf('_');
        int dash = prefix.indexOf('-');
        return underscore < 0 ? dash : dash < 0 ? underscore : Math.min(underscore, dash);
    }

    static String[] prefixes() {
        return prefixesOf(FORMATS);
    }

    private static String[] prefixesOf(TokenFormat[] formats) {
        String[] prefixes = new String[formats.length];
        for (int i = 0; i < formats.length; i++) {
            prefixes[i] = formats[i].prefix;
        }
        return prefixes;
    }

    private static String charsAt(int index) {
        StringBuilder chars = new StringBuilder();
        for (TokenFormat format : all()) {
            chars.append(format.prefix.charAt(index));
        }
        return chars.toString();
    }

    private static TokenFormat[] all() {
        TokenFormat[] all = java.util.Arrays.copyOf(FORMATS, FORMATS.length + UNDELIMITED.length);
        System.arraycopy(UNDELIMITED, 0, all, FORMATS.length, UNDELIMITED.length);
        return all;
    }
}
