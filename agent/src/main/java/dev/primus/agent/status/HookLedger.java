package dev.primus.agent.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each hook has done since the agent started: the classes it was woven into and those that
 * loaded without its method, each with the library and version it came from. Written as classes
 * load (the JDK's on the loading thread, a library's on the agent's {@code primus-hooks} thread,
 * which finds its jar); a woven class's library is named from its jar only when {@code status PID}
 * reads the ledger, so an app's start-up pays for no jar reading.
 */
public final class HookLedger {
    /** Hook name to whether it hooks the JDK, in the order hooks were armed. */
    private final Map<String, Boolean> hooks = Collections.synchronizedMap(new LinkedHashMap<String, Boolean>());
    /** Hook to "class|location": the library is named from the location when {@code status} asks. */
    private final Map<String, Set<String>> woven = new ConcurrentHashMap<String, Set<String>>();
    private final Map<String, String> libraries = new ConcurrentHashMap<String, String>();
    private final Map<String, Set<String>> missed = new ConcurrentHashMap<String, Set<String>>();

    public void armed(String hook, boolean jdk) {
        hooks.put(hook, jdk);
    }

    /** A JDK class, or a library's with the jar or folder it came from (null: unknown). */
    public void woven(String hook, String className, java.net.URL location) {
        entries(woven, hook).add(className + "|" + (location == null ? "" : location.toString()));
    }

    /** {@code java.net.Socket (JDK)} or {@code okhttp3...ConnectInterceptor (okhttp 4.12.0)}. */
    private String described(String wovenEntry) {
        int bar = wovenEntry.lastIndexOf('|');
        String location = wovenEntry.substring(bar + 1);
        String library = location.isEmpty() ? "JDK" : libraries.get(location);
        if (library == null) {
            try {
                library = LibraryNames.of(new java.net.URL(location));
            } catch (java.net.MalformedURLException unexpected) {
                library = location;
            }
            libraries.put(location, library);
        }
        return wovenEntry.substring(0, bar) + " (" + library + ")";
    }

    /** {@code what}: the class, its library and what it lacks. */
    public void missed(String hook, String what) {
        entries(missed, hook).add(what);
    }

    /** Hooks armed at start-up that have neither been woven nor missed yet: their classes have not loaded. */
    public int waitingCount() {
        int waiting = 0;
        synchronized (hooks) {
            for (String hook : hooks.keySet()) {
                if (!woven.containsKey(hook) && !missed.containsKey(hook)) {
                    waiting++;
                }
            }
        }
        return waiting;
    }

    /** Hooks woven into at least one class. */
    public int wovenCount() {
        return woven.size();
    }

    /** The hooks that found a class without their method, at least once. */
    public List<String> missedHooks() {
        return sorted(missed.keySet());
    }

    /** One line per hook and state, as {@code status} prints them. */
    public List<String> lines() {
        List<String> lines = new ArrayList<String>();
        Map<String, Boolean> armed;
        synchronized (hooks) {
            armed = new LinkedHashMap<String, Boolean>(hooks);
        }
        for (Map.Entry<String, Boolean> hook : armed.entrySet()) {
            String name = hook.getKey();
            Set<String> missing = missed.get(name);
            Set<String> in = woven.get(name);
            if (missing != null) {
                for (String what : sorted(missing)) {
                    lines.add(name + ": MISSED in " + what);
                }
            }
            if (in != null) {
                List<String> described = new ArrayList<String>();
                for (String entry : in) {
                    described.add(described(entry));
                }
                Collections.sort(described);
                lines.add(name + ": woven in " + join(described));
            } else if (missing == null) {
                lines.add(name + (hook.getValue() ? ": armed; its JDK class has not loaded (it is woven when it does)"
                        : ": armed; no class it hooks has loaded"));
            }
        }
        return lines;
    }

    private static Set<String> entries(Map<String, Set<String>> map, String hook) {
        Set<String> entries = map.get(hook);
        if (entries == null) {
            Set<String> fresh = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
            entries = ((ConcurrentHashMap<String, Set<String>>) map).putIfAbsent(hook, fresh);
            if (entries == null) {
                entries = fresh;
            }
        }
        return entries;
    }

    private static List<String> sorted(Set<String> entries) {
        List<String> list = new ArrayList<String>(entries);
        Collections.sort(list);
        return list;
    }

    private static String join(List<String> entries) {
        StringBuilder joined = new StringBuilder();
        for (String entry : entries) {
            joined.append(joined.length() == 0 ? "" : ", ").append(entry);
        }
        return joined.toString();
    }
}
