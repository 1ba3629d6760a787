/**
 * The auth engine: which requests reach the app, and as whom. Plain Java over plain values (a
 * method, the raw request URI, header values, the raw body, a clock), no servlet types, so it is
 * unit-tested without weaving and the javax and jakarta hooks share it.
 *
 * <p><b>The path is made canonical before any rule sees it.</b>
 * {@link dev.primus.agent.auth.RequestPaths} turns the raw URI into the one spelling every
 * container would route the same way ({@code /api/admin/..;/x}, {@code //api}, {@code %61},
 * {@code %2e%2e} resolved), and rejects what containers read differently ({@code %2F},
 * {@code %5C}, {@code %25}, {@code %00}, a backslash, {@code ..} above the root): the caller
 * answers 400. Only then does {@link dev.primus.agent.auth.AuthRules} pick the first
 * {@link dev.primus.agent.auth.AuthRule} whose {@link dev.primus.agent.auth.PathPattern},
 * methods and handler name the request, else {@code auth.default}; a rule that cannot be
 * matched against a canonical path is a config error, not a silent miss.
 *
 * <p><b>A verifier is assembled from small parts, and each rejection has one reason.</b>
 * {@link dev.primus.agent.auth.JwtVerifier} (nimbus does the signature; the order of refusals
 * around it is written down there), {@link dev.primus.agent.auth.ApiKeyVerifier},
 * {@link dev.primus.agent.auth.StripeSignatureVerifier},
 * {@link dev.primus.agent.auth.PayPalSignatureVerifier} (its certificate URL, chain, name, time
 * window and replay checks each a part of their own) and
 * {@link dev.primus.agent.auth.HmacSignatureVerifier} each answer a
 * {@link dev.primus.agent.auth.Verification}: accepted with an
 * {@link dev.primus.agent.auth.Authenticated}, missing, or invalid with the first reason that
 * applied. The reason is for the audit event; the client gets only the RFC 6750 error code,
 * through {@link dev.primus.agent.auth.ProblemResponses}.
 *
 * <p><b>Request threads never wait on an identity provider for long.</b> An issuer's keys come
 * from a {@code jwks_file} read at bind, or from a {@link dev.primus.agent.auth.RemoteJwkSet}:
 * fetched over {@code HttpURLConnection} (so the egress policy judges it) from {@code jwks_uri}
 * or by OpenID discovery ({@link dev.primus.agent.auth.OidcDiscovery}, which refuses a document
 * naming another issuer), on the one agent thread {@code primus-jwks}, never while binding. The
 * last good set is kept through an outage; an unknown {@code kid} asks for a fetch and waits for
 * it at most 2 s, no more than 3 times in 30 s per issuer.
 *
 * <p><b>Secrets are compared in constant time.</b> API key digests, webhook signatures and
 * HMACs are compared with {@link java.security.MessageDigest#isEqual}, and every candidate is
 * compared (every configured key, every {@code v1} signature) without an early exit, so the
 * response time says nothing about which bytes or which key matched. PayPal's RSA signature is
 * public-key, so timing reveals nothing secret there.
 *
 * <p><b>How a hook answers</b>, from the rule's {@link dev.primus.agent.auth.Requirement}:
 * a rejected path: 400; {@code DENIED}: 403 {@code forbidden}; {@code PUBLIC}: through;
 * {@code WEBHOOK}: the webhook's verifier, 400 unless accepted; {@code CREDENTIAL}: verify each
 * accepted kind the request presents (bearer token via
 * {@link dev.primus.agent.auth.BearerToken}, the API key header); any presented one invalid:
 * 401 {@code invalid_token}, so a forged token is never waved through beside a good key; none
 * presented: 401 bare challenge; accepted without every required scope: 403
 * {@code insufficient_scope}; else through, with principal, tenant and scopes from the
 * {@link dev.primus.agent.auth.Authenticated}.
 */
package dev.primus.agent.auth;
