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
 * which reads its jar), read by {@code status PID}.
 */
public final class HookLedger {
    /** Hook name to whether it hooks the JDK, in the order hooks were armed. */
    private final Map<String, Boolean> hooks = Collections.synchronizedMap(new LinkedHashMap<String, Boolean>());
    private final Map<String, Set<String>> woven = new ConcurrentHashMap<String, Set<String>>();
    private final Map<String, Set<String>> missed = new ConcurrentHashMap<String, Set<String>>();

    public void armed(String hook, boolean jdk) {
        hooks.put(hook, jdk);
    }

    /** {@code where}: the class and its library, {@code okhttp3.internal.connection.ConnectInterceptor (okhttp 4.12.0)}. */
    public void woven(String hook, String where) {
        entries(woven, hook).add(where);
    }

    /** {@code what}: the class, its library and what it lacks. */
    public void missed(String hook, String what) {
        entries(missed, hook).add(what);
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
                lines.add(name + ": woven in " + join(sorted(in)));
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
