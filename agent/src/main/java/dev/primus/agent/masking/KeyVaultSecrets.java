package dev.primus.agent.masking;

/**
 * For password_kv: the {@code value} of an Azure Key Vault secret, as the vault answers a read
 * and the Azure SDK's HTTP log writes the body at {@code BODY_AND_HEADERS}:
 * {@code {"value":"x","id":"https://myvault.vault.azure.net/secrets/db-password/4387e9f3…","attributes":{…}}}.
 * The key is the common {@code value}; what makes it a secret is the {@code id} in the same object
 * naming a vault's secret, before or after it, in any of Azure's clouds. Asked only for a
 * {@code value} key no sibling names ({@link NamedValueFields}).
 */
final class KeyVaultSecrets {
    private static final String VAULT = ".vault.";
    /** After {@link #VAULT}: a secret's URL in the public cloud, China, US Government and Germany. */
    private static final String[] SECRET_URLS = {"azure.net/secrets/", "azure.cn/secrets/", "usgovcloudapi.net/secrets/",
        "microsoftazure.de/secrets/"};
    /** How far the object around the value is read each way for the secret's id. */
    private static final int MAX_OBJECT = 1024;

    private KeyVaultSecrets() {
    }

    /**
     * Whether the {@code value} key starting at {@code keyStart}, its separator at {@code at},
     * stands in an object whose fields, up to a nested object, name a Key Vault secret's URL.
     */
    static boolean isSecretValue(CharSequence s, int from, int keyStart, int at, int end) {
        int brace = JsonObjects.braceBefore(s, from, keyStart - 1, MAX_OBJECT);
        if (brace < 0 || s.charAt(brace) != '{') {
            return false;
        }
        int open = brace + 1;
        int after = JsonObjects.braceAfter(s, at, end, MAX_OBJECT);
        // Up to a nested object's '{' or the object's '}'; past the bound, as far as was read.
        int close = after >= 0 ? after : (int) Math.min(end, (long) at + MAX_OBJECT);
        for (int vault = TextSearch.indexOf(s, VAULT, open, close); vault >= 0;
                vault = TextSearch.indexOf(s, VAULT, vault + 1, close)) {
            for (String url : SECRET_URLS) {
                if (TextSearch.startsWith(s, vault + VAULT.length(), close, url)) {
                    return true;
                }
            }
        }
        return false;
    }
}
