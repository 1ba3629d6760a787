package dev.primus.bootstrap;

import java.net.UnknownHostException;

/**
 * Thrown from a name lookup ({@code InetAddress.getAllByName}) that {@code egress.dns: enforce}
 * denied. An {@link UnknownHostException}, the one exception every caller of a lookup already
 * handles: {@code new InetSocketAddress(host, port)} turns it into an unresolved address, whose
 * connect the socket hook then denies with an {@link EgressDeniedException}.
 */
public class EgressLookupDeniedException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    public EgressLookupDeniedException(String message) {
        super(message);
    }
}
