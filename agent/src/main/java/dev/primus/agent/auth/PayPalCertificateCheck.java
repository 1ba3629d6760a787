package dev.primus.agent.auth;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a certificate served at a {@code PAYPAL-CERT-URL} is PayPal's message-signing
 * certificate: within its validity, its subject's one CN {@code messageverificationcerts*.paypal.com}
 * (the wildcard in that position only), and chained by PKIX to a configured trust anchor. The
 * anchor is the operator's, not the JVM's cacerts: one CA is trusted to name PayPal's signing
 * certificate, not every CA the JVM trusts for TLS. Revocation is not checked: it would put an
 * OCSP or CRL fetch on the request path.
 */
final class PayPalCertificateCheck {
    private static final Pattern SIGNING_CN = Pattern.compile("messageverificationcerts[a-z0-9.-]*\\.paypal\\.com");
    private static final int MAX_SHOWN = 80;

    private final Set<TrustAnchor> anchors;
    private final Set<X500Principal> anchorSubjects;

    PayPalCertificateCheck(Collection<X509Certificate> trustAnchors) {
        if (trustAnchors == null || trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor certificate");
        }
        Set<TrustAnchor> anchors = new LinkedHashSet<TrustAnchor>();
        Set<X500Principal> subjects = new HashSet<X500Principal>();
        for (X509Certificate anchor : trustAnchors) {
            anchors.add(new TrustAnchor(anchor, null));
            subjects.add(anchor.getSubjectX500Principal());
        }
        this.anchors = Collections.unmodifiableSet(anchors);
        this.anchorSubjects = Collections.unmodifiableSet(subjects);
    }

    /** The certificates in a PEM (or DER) file, for {@code trust_anchor}; an IOException says why not. */
    static List<X509Certificate> readTrustAnchors(File pem) throws IOException {
        InputStream in = new FileInputStream(pem);
        try {
            List<X509Certificate> certificates = new ArrayList<X509Certificate>();
            for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in it");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException("not a certificate: " + e.getMessage(), e);
        } finally {
            in.close();
        }
    }

    /**
     * @param served the certificates served at the URL, the leaf first, then any intermediates in any order
     * @param now the verifier's clock
     * @return why the leaf is not PayPal's signing certificate, or null when it is
     */
    String refusal(List<X509Certificate> served, Date now) {
        X509Certificate leaf = served.get(0);
        try {
            leaf.checkValidity(now);
        } catch (CertificateExpiredException e) {
            return "signing certificate expired on " + leaf.getNotAfter().toInstant();
        } catch (CertificateNotYetValidException e) {
            return "signing certificate not valid before " + leaf.getNotBefore().toInstant();
        }
        List<String> names = commonNames(leaf.getSubjectX500Principal());
        if (names.size() != 1) {
            return "signing certificate subject has " + names.size() + " CNs, not one messageverificationcerts*.paypal.com";
        }
        if (!SIGNING_CN.matcher(names.get(0).toLowerCase(Locale.ROOT)).matches()) {
            return "signing certificate is for CN=" + shown(names.get(0)) + ", not messageverificationcerts*.paypal.com";
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path(served)), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return "signing certificate does not chain to the trust anchor: " + e.getMessage();
        } catch (GeneralSecurityException e) {
            return "signing certificate chain cannot be checked: " + e;
        }
    }

    /**
     * The leaf, then each certificate's issuer from among the served ones, up to the one an anchor
     * issued. Servers send intermediates in any order and often the root too; the root is left out,
     * as PKIX wants the path without its anchor.
     */
    private List<X509Certificate> path(List<X509Certificate> served) {
        List<X509Certificate> path = new ArrayList<X509Certificate>();
        X509Certificate current = served.get(0);
        path.add(current);
        while (!anchorSubjects.contains(current.getIssuerX500Principal()) && path.size() < served.size()) {
            X509Certificate issuer = null;
            for (X509Certificate candidate : served) {
                if (!path.contains(candidate) && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = candidate;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            path.add(issuer);
            current = issuer;
        }
        return path;
    }

    private static List<String> commonNames(X500Principal subject) {
        List<String> names = new ArrayList<String>();
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                // A multi-valued RDN (CN=a+O=b) holds several attributes; Rdn.getType sees only the first.
                Attribute cn = rdn.toAttributes().get("CN");
                if (cn != null) {
                    for (NamingEnumeration<?> values = cn.getAll(); values.hasMore(); ) {
                        names.add(String.valueOf(values.next()));
                    }
                }
            }
        } catch (NamingException e) {
            return Collections.emptyList();
        }
        return names;
    }

    /** A CN as it may go into an audit reason: printable ASCII, bounded. */
    private static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length() && shown.length() < MAX_SHOWN; i++) {
            char c = name.charAt(i);
            shown.append(c >= ' ' && c <= '~' ? c : '?');
        }
        return shown.toString();
    }
}
