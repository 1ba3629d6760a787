package dev.primus.agent.egress;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code egress.processes}: which executables the app may start. A child process reaches the
 * network past every hook in this JVM, so starting one is judged like a destination: by its
 * executable, the command's first word, never its arguments (which may hold secrets).
 *
 * <p>An allowed entry with a slash names one file exactly; a bare name matches the executable
 * run by that bare name (the OS finds it on the PATH) or at a path in one of the PATH's folders.
 * Allowing a shell ({@code sh}) allows whatever it is told to run.
 */
final class ProcessPolicy {
    /** Null: every process starts, each executable audited the first time. */
    private final List<String> allowed;
    private final List<String> pathFolders;
    /** One decision per executable, so each is audited once; bounded like the other caches. */
    private final ConcurrentHashMap<String, EgressDecision> decisions = new ConcurrentHashMap<String, EgressDecision>();
    private static final int MAX_DECISIONS = 4096;

    ProcessPolicy(List<String> allowed, String path) {
        this.allowed = allowed;
        List<String> folders = new ArrayList<String>();
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                if (!folder.isEmpty()) {
                    folders.add(folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder);
                }
            }
        }
        this.pathFolders = Collections.unmodifiableList(folders);
    }

    EgressDecision decide(String executable) {
        EgressDecision cached = decisions.get(executable);
        if (cached != null) {
            return cached;
        }
        EgressDecision decision = evaluate(executable);
        if (decisions.size() >= MAX_DECISIONS) {
            decisions.clear();
        }
        decisions.put(executable, decision);
        return decision;
    }

    private EgressDecision evaluate(String executable) {
        if (allowed == null) {
            return new EgressDecision(true, "egress.processes", "egress.processes is audit: every process may start");
        }
        for (int i = 0; i < allowed.size(); i++) {
            if (matches(allowed.get(i), executable)) {
                return new EgressDecision(true, "egress.processes[" + i + "]", executable + " is allowed");
            }
        }
        return new EgressDecision(false, "egress.processes", allowed.isEmpty() ? "egress.processes is deny"
                : "no entry of egress.processes names " + executable);
    }

    private boolean matches(String entry, String executable) {
        if (entry.indexOf('/') >= 0) {
            return entry.equals(executable);
        }
        if (entry.equals(executable)) {
            return true;
        }
        int slash = executable.lastIndexOf('/');
        return slash >= 0 && entry.equals(executable.substring(slash + 1))
                && pathFolders.contains(slash == 0 ? "" : executable.substring(0, slash));
    }
}
