package dev.primus.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HookLedgerTest {
    @Test
    void saysForEachHookInTheOrderArmedWhereItWasWovenOrMissedOrThatNothingLoaded() {
        HookLedger ledger = new HookLedger();
        ledger.armed("Socket.connect", true);
        ledger.armed("ProcessImpl.start", true);
        ledger.armed("ConnectInterceptor.intercept", false);
        ledger.armed("ApplicationFilterChain.doFilter", false);
        ledger.armed("ConnectInterceptor.intercept", false); // a variant: one line still
        ledger.woven("Socket.connect", "java.net.Socket (JDK)");
        ledger.missed("ConnectInterceptor.intercept", "okhttp3.internal.connection.ConnectInterceptor (okhttp 9.9.9): "
                + "intercept(Chain) not found");
        ledger.woven("ConnectInterceptor.intercept", "okhttp3.internal.connection.ConnectInterceptor (okhttp 4.12.0)");
        ledger.woven("ConnectInterceptor.intercept", "okhttp3.internal.connection.ConnectInterceptor (okhttp 3.14.9)");
        assertEquals(List.of(
                "Socket.connect: woven in java.net.Socket (JDK)",
                "ProcessImpl.start: armed; its JDK class has not loaded (it is woven when it does)",
                "ConnectInterceptor.intercept: MISSED in okhttp3.internal.connection.ConnectInterceptor (okhttp 9.9.9): "
                        + "intercept(Chain) not found",
                "ConnectInterceptor.intercept: woven in okhttp3.internal.connection.ConnectInterceptor (okhttp 3.14.9), "
                        + "okhttp3.internal.connection.ConnectInterceptor (okhttp 4.12.0)",
                "ApplicationFilterChain.doFilter: armed; no class it hooks has loaded"), ledger.lines());
    }
}
