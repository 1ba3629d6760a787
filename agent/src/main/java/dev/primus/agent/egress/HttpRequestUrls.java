package dev.primus.agent.egress;

import dev.primus.bootstrap.EgressGate;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the URL of a request as each hooked HTTP client holds it. Library types are not on the
 * agent's class path, so each is read through public method handles, resolved once per class
 * of the object the hook passes ({@link ClassValue}) and then called directly: no reflective
 * lookup per request.
 *
 * <p>Two kinds of failure, kept apart: a library whose methods cannot be found is the agent's
 * fault ({@link UnknownLibraryShape}, governed by {@code egress.on_error}); a request object whose
 * methods throw is the app's, and its destination is unreadable (denied in enforce mode).
 */
final class HttpRequestUrls {
    /** OkHttp: {@code chain.request().url()}. */
    private static final ClassValue<MethodHandle> OKHTTP_URL = new Readers("request", "url");
    /** Apache 4: {@code route.getTargetHost()} and {@code requestWrapper.getURI()}. */
    private static final ClassValue<MethodHandle> APACHE4_TARGET = new Readers("getTargetHost");
    private static final ClassValue<MethodHandle> APACHE4_URI = new Readers("getURI");
    /** Apache 5: {@code request.getUri()} and {@code scope.route.getTargetHost()}. */
    private static final ClassValue<MethodHandle> APACHE5_URI = new Readers("getUri");
    private static final ClassValue<MethodHandle> APACHE5_TARGET = new Readers("route", "getTargetHost");
    /** Both Apache versions: {@code HttpHost.toURI()}, as {@code scheme://host:port}. */
    private static final ClassValue<MethodHandle> HOST_URI = new Readers("toURI");

    /** Past this many parsed URLs the map starts over, as the decision caches do. */
    static final int MAX_PARSED = 4096;
    /**
     * URLs by their text, for a client that hands its URL over as text (OkHttp's {@code HttpUrl}) or
     * as a {@code URI} (the JDK's {@code HttpClient}): parsing costs some 300 bytes, on every request
     * and redirect hop. The text is all a URL is made of: the same text, the same URL.
     */
    private static final ConcurrentHashMap<String, URL> PARSED = new ConcurrentHashMap<String, URL>();

    private HttpRequestUrls() {
    }

    /**
     * A URL's port, or its scheme's default from this table: {@code URL.getDefaultPort()} asks the
     * URL's stream handler, which the app may supply ({@code new URL(null, spec, handler)}), and its
     * code must not run while the engine judges. -1 for another scheme with no port written.
     */
    static int portOf(URL url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        String scheme = url.getProtocol();
        if (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("wss")) {
            return 443;
        }
        if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("ws")) {
            return 80;
        }
        return scheme.equalsIgnoreCase("ftp") ? 21 : -1;
    }

    /** The library's methods are not where this agent looks for them: a hook that no longer fits. */
    static final class UnknownLibraryShape extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnknownLibraryShape(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The URL of the request a hook of kind {@code client} caught. */
    static URL read(int client, Object request, Object context) throws Throwable {
        switch (client) {
            case EgressGate.URL_CONNECTION:
                return ((URLConnection) request).getURL();
            case EgressGate.HTTP_CLIENT:
                return urlOf((URI) request);
            case EgressGate.OKHTTP:
                return parsed(String.valueOf(call(OKHTTP_URL, request)));
            case EgressGate.APACHE4:
                return absolute((URI) call(APACHE4_URI, context), call(APACHE4_TARGET, request));
            case EgressGate.APACHE5:
                return absolute((URI) call(APACHE5_URI, request), call(APACHE5_TARGET, context));
            default:
                throw new IllegalArgumentException("no HTTP client of kind " + client);
        }
    }

    /** The URL of this text, parsed the first time it is seen. */
    private static URL parsed(String text) throws MalformedURLException {
        URL url = PARSED.get(text);
        if (url == null) {
            url = new URL(text);
            if (PARSED.size() >= MAX_PARSED) {
                PARSED.clear();
            }
            PARSED.put(text, url);
        }
        return url;
    }

    /**
     * {@code uri.toURL()}, which is {@code new URL(uri.toString())} for an absolute http or https
     * URI in every JDK from 8 to 25: such a URI's URL is found by its text (a URI keeps its text).
     */
    private static URL urlOf(URI uri) throws MalformedURLException {
        String scheme = uri.getScheme();
        boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
        return web ? parsed(uri.toString()) : uri.toURL();
    }

    /** An Apache request URI made absolute on its route's target host. */
    private static URL absolute(URI uri, Object targetHost) throws Throwable {
        return uri.isAbsolute() ? urlOf(uri) : new URL(call(HOST_URI, targetHost) + uri.toString());
    }

    private static Object call(ClassValue<MethodHandle> reader, Object target) throws Throwable {
        return reader.get(target.getClass()).invokeExact(target);
    }

    /**
     * For a class, one handle of type {@code (Object)Object} that reads a chain of public no-argument
     * methods or public fields, each looked up on the type the previous one returns.
     */
    private static final class Readers extends ClassValue<MethodHandle> {
        private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);
        private final String[] names;

        Readers(String... names) {
            this.names = names;
        }

        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                MethodHandle chain = null;
                Class<?> current = type;
                for (String name : names) {
                    MethodHandle step = publicReader(current, name);
                    current = step.type().returnType();
                    chain = chain == null ? step : MethodHandles.filterReturnValue(chain, step);
                }
                return chain.asType(OBJECT_TO_OBJECT);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new UnknownLibraryShape(type.getName() + " has no public " + String.join(".", names), e);
            }
        }

        /**
         * A public method or field of that name, declared in a public class or interface the type
         * is or extends: the handle must be callable whatever module or loader the type is in.
         */
        private static MethodHandle publicReader(Class<?> type, String name) throws ReflectiveOperationException {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (Class<?> candidate : publicTypesOf(type)) {
                for (Method method : candidate.getMethods()) {
                    if (method.getName().equals(name) && method.getParameterTypes().length == 0
                            && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                        return lookup.unreflect(method);
                    }
                }
            }
            return lookup.unreflectGetter(type.getField(name));
        }

        /** The type itself if public, then its public supertypes: where a public declaration can be called from. */
        private static java.util.List<Class<?>> publicTypesOf(Class<?> type) {
            java.util.List<Class<?>> types = new java.util.ArrayList<Class<?>>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (Modifier.isPublic(c.getModifiers())) {
                    types.add(c);
                }
                for (Class<?> implemented : c.getInterfaces()) {
                    if (Modifier.isPublic(implemented.getModifiers())) {
                        types.add(implemented);
                    }
                }
            }
            return types;
        }
    }
}
