package dev.primus.agent.servlet;

import dev.primus.bootstrap.ReplayedBody;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Hands the app a request whose body is the one the agent read, byte for byte. The servlet API's
 * own {@code HttpServletRequestWrapper} and {@code ServletInputStream} are subclassed once per
 * API and class loader (two small generated classes that delegate to {@link ReplayedBody}), and
 * defined beside their superclasses, in the container's loader, where every web app sees them.
 * The app gets a standard request wrapper, as a filter of its own would have made.
 */
final class BodyReplay {
    private static final String STREAM_CLASS = "PrimusReplayedInputStream";
    private static final String REQUEST_CLASS = "http.PrimusReplayedRequest";
    /** The content type of an HTML form's body, whose fields the container reads as parameters. */
    private static final String FORM = "application/x-www-form-urlencoded";

    /**
     * Per {@code ServletInputStream} class (one per API and loader): the two constructors.
     * {@code ClassValue} runs {@code computeValue} once per racing thread and keeps one answer, so
     * the first requests of a fresh JVM, arriving together, all come here: the lock makes them
     * take turns, and each after the first finds the classes the first defined.
     */
    private static final ClassValue<Constructor<?>[]> GENERATED = new ClassValue<Constructor<?>[]>() {
        @Override
        protected Constructor<?>[] computeValue(Class<?> servletInputStream) {
            synchronized (DEFINED) {
                return generate(servletInputStream);
            }
        }
    };

    /**
     * The classes this agent defined, held weakly so that a web app's API classes can still be
     * unloaded. A class of one of our names that is not in here was put there by someone else,
     * and is never used to carry a verified body.
     */
    private static final Set<Class<?>> DEFINED = Collections.newSetFromMap(new WeakHashMap<Class<?>, Boolean>());

    private BodyReplay() {
    }

    /**
     * @param read the bytes the agent consumed
     * @param complete whether they are the whole body; if not, the app reads the rest from the original stream
     */
    static Object wrap(ServletApi api, Object request, byte[] read, boolean complete) {
        try {
            Constructor<?>[] constructors = GENERATED.get(api.inputStreamType);
            InputStream rest = complete ? null : api.inputStream(request);
            String contentType = api.contentType(request);
            boolean form = contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length());
            ReplayedBody body = new ReplayedBody(read, rest, api.characterEncoding(request),
                    form ? formCharset(api.innermost(request)) : null);
            Object stream = constructors[0].newInstance(body);
            return constructors[1].newInstance(request, body, stream);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot replay the request body through " + api.packagePrefix
                    + "http.HttpServletRequestWrapper", e);
        }
    }

    /**
     * The charset the container reads a form's body in where the request names none: ISO-8859-1, as
     * the servlet API says and Tomcat and Undertow do; UTF-8 on Jetty, whose own request says so.
     */
    private static String formCharset(Object containerRequest) {
        return containerRequest.getClass().getName().startsWith("org.eclipse.jetty.") ? "UTF-8" : "ISO-8859-1";
    }

    private static Constructor<?>[] generate(Class<?> servletInputStream) {
        try {
            ClassLoader loader = servletInputStream.getClassLoader();
            String prefix = servletInputStream.getPackage().getName() + ".";
            Class<?> httpRequest = Class.forName(prefix + "http.HttpServletRequest", false, loader);
            Class<?> wrapper = Class.forName(prefix + "http.HttpServletRequestWrapper", false, loader);
            String streamName = prefix + STREAM_CLASS;
            String requestName = prefix + REQUEST_CLASS;
            Class<?> stream = defined(streamName, loader);
            if (stream == null) {
                stream = define(servletInputStream,
                        ReplayedRequestClasses.inputStream(streamName.replace('.', '/'), servletInputStream));
            }
            Class<?> request = defined(requestName, loader);
            if (request == null) {
                request = define(wrapper,
                        ReplayedRequestClasses.request(requestName.replace('.', '/'), wrapper, httpRequest, servletInputStream));
            }
            return new Constructor<?>[] {
                stream.getConstructor(ReplayedBody.class),
                request.getConstructor(httpRequest, ReplayedBody.class, servletInputStream),
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot generate a body-replaying request for " + servletInputStream, e);
        }
    }

    /**
     * The class of this name that this agent already defined in {@code loader}, or null when
     * there is none yet. Called with {@link #DEFINED} locked.
     *
     * @throws IllegalStateException when the name is taken by a class the agent did not define
     */
    private static Class<?> defined(String name, ClassLoader loader) {
        Class<?> found;
        try {
            found = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError notYet) {
            return null;
        }
        if (!DEFINED.contains(found)) {
            throw new IllegalStateException(name + " was defined by " + found.getClassLoader()
                    + ", not by the agent: the request body is not replayed through it");
        }
        return found;
    }

    /**
     * Defines a class in {@code neighbour}'s package and loader, and notes it in {@link #DEFINED}.
     * Called with {@link #DEFINED} locked.
     */
    private static Class<?> define(Class<?> neighbour, byte[] bytes) throws ReflectiveOperationException {
        Class<?> defined = defineBeside(neighbour, bytes);
        DEFINED.add(defined);
        return defined;
    }

    /**
     * Defines a class in {@code neighbour}'s package and loader. Java 9 and later: a private lookup
     * in that package (the servlet API sits in an unnamed module, open to all), once the agent's
     * sealed module reads it (Module.addReads is caller-sensitive: a module adds edges for itself).
     * Java 8: the loader's defineClass.
     */
    private static Class<?> defineBeside(Class<?> neighbour, byte[] bytes) throws ReflectiveOperationException {
        Method getModule;
        try {
            getModule = Class.class.getMethod("getModule");
        } catch (NoSuchMethodException java8) {
            Method defineClass = ClassLoader.class.getDeclaredMethod("defineClass", String.class, byte[].class, int.class,
                    int.class);
            defineClass.setAccessible(true);
            return (Class<?>) defineClass.invoke(neighbour.getClassLoader(), null, bytes, 0, bytes.length);
        }
        Object ours = getModule.invoke(BodyReplay.class);
        Object theirs = getModule.invoke(neighbour);
        ours.getClass().getMethod("addReads", ours.getClass()).invoke(ours, theirs);
        Object lookup = MethodHandles.class.getMethod("privateLookupIn", Class.class, MethodHandles.Lookup.class)
                .invoke(null, neighbour, MethodHandles.lookup());
        return (Class<?>) MethodHandles.Lookup.class.getMethod("defineClass", byte[].class).invoke(lookup, (Object) bytes);
    }
}
