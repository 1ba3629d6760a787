package dev.primus.agent.servlet;

import dev.primus.bootstrap.ReplayedBody;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

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

    /** Per {@code ServletInputStream} class (one per API and loader): the two constructors. */
    private static final ClassValue<Constructor<?>[]> GENERATED = new ClassValue<Constructor<?>[]>() {
        @Override
        protected Constructor<?>[] computeValue(Class<?> servletInputStream) {
            synchronized (BodyReplay.class) { // two definitions of one name in one loader would clash
                return generate(servletInputStream);
            }
        }
    };

    private BodyReplay() {
    }

    /**
     * @param read the bytes the agent consumed
     * @param complete whether they are the whole body; if not, the app reads the rest from the original stream
     */
    static Object wrap(ServletApi api, Object request, byte[] read, boolean complete) {
        try {
            Class<?> servletInputStream = Class.forName(api.packagePrefix + "ServletInputStream", false,
                    api.requestType.getClassLoader());
            Constructor<?>[] constructors = GENERATED.get(servletInputStream);
            InputStream rest = complete ? null : api.inputStream(request);
            ReplayedBody body = new ReplayedBody(read, rest, api.characterEncoding(request));
            Object stream = constructors[0].newInstance(body);
            return constructors[1].newInstance(request, body, stream);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot replay the request body through " + api.packagePrefix
                    + "http.HttpServletRequestWrapper", e);
        }
    }

    private static Constructor<?>[] generate(Class<?> servletInputStream) {
        try {
            ClassLoader loader = servletInputStream.getClassLoader();
            String prefix = servletInputStream.getPackage().getName() + ".";
            Class<?> httpRequest = Class.forName(prefix + "http.HttpServletRequest", false, loader);
            Class<?> wrapper = Class.forName(prefix + "http.HttpServletRequestWrapper", false, loader);
            Class<?> stream = define(servletInputStream,
                    ReplayedRequestClasses.inputStream((prefix + STREAM_CLASS).replace('.', '/'), servletInputStream));
            Class<?> request = define(wrapper, ReplayedRequestClasses.request((prefix + REQUEST_CLASS).replace('.', '/'),
                    wrapper, httpRequest, servletInputStream));
            return new Constructor<?>[] {
                stream.getConstructor(ReplayedBody.class),
                request.getConstructor(httpRequest, ReplayedBody.class, servletInputStream),
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot generate a body-replaying request for " + servletInputStream, e);
        }
    }

    /**
     * Defines a class in {@code neighbour}'s package and loader. Java 9 and later: a private lookup
     * in that package (the servlet API sits in an unnamed module, open to all), once the agent's
     * sealed module reads it (Module.addReads is caller-sensitive: a module adds edges for itself).
     * Java 8: the loader's defineClass.
     */
    private static Class<?> define(Class<?> neighbour, byte[] bytes) throws ReflectiveOperationException {
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
