package dev.primus.agent.servlet;

import dev.primus.bootstrap.ReplayedBody;
import net.bytebuddy.ByteBuddy;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.matcher.ElementMatchers;

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
            Class<?> stream = new ByteBuddy(ClassFileVersion.JAVA_V8)
                    .subclass(servletInputStream, ConstructorStrategy.Default.NO_CONSTRUCTORS)
                    .name(prefix + STREAM_CLASS)
                    .defineField("body", ReplayedBody.class, Visibility.PRIVATE)
                    .defineConstructor(Visibility.PUBLIC).withParameters(ReplayedBody.class)
                    .intercept(MethodCall.invoke(servletInputStream.getDeclaredConstructor())
                            .andThen(FieldAccessor.ofField("body").setsArgumentAt(0)))
                    .method(ElementMatchers.named("read").and(ElementMatchers.takesArguments(0)))
                    .intercept(MethodCall.invoke(ReplayedBody.class.getMethod("read")).onField("body"))
                    .method(ElementMatchers.named("read").and(ElementMatchers.takesArguments(3)))
                    .intercept(MethodCall.invoke(ReplayedBody.class.getMethod("read", byte[].class, int.class, int.class))
                            .onField("body").withAllArguments())
                    .method(ElementMatchers.named("available").and(ElementMatchers.takesArguments(0)))
                    .intercept(MethodCall.invoke(ReplayedBody.class.getMethod("available")).onField("body"))
                    .method(ElementMatchers.named("isFinished").and(ElementMatchers.takesArguments(0)))
                    .intercept(MethodCall.invoke(ReplayedBody.class.getMethod("isFinished")).onField("body"))
                    .method(ElementMatchers.named("isReady").and(ElementMatchers.takesArguments(0)))
                    .intercept(FixedValue.value(true))
                    .method(ElementMatchers.named("setReadListener").and(ElementMatchers.takesArguments(1)))
                    .intercept(MethodCall.invoke(ReplayedBody.class.getMethod("setReadListener", Object.class))
                            .onField("body").withAllArguments())
                    .make()
                    .load(loader, strategyFor(servletInputStream))
                    .getLoaded();
            Class<?> request = new ByteBuddy(ClassFileVersion.JAVA_V8)
                    .subclass(wrapper, ConstructorStrategy.Default.NO_CONSTRUCTORS)
                    .name(prefix + REQUEST_CLASS)
                    .defineField("body", ReplayedBody.class, Visibility.PRIVATE)
                    .defineField("stream", servletInputStream, Visibility.PRIVATE)
                    .defineConstructor(Visibility.PUBLIC).withParameters(httpRequest, ReplayedBody.class, servletInputStream)
                    .intercept(MethodCall.invoke(wrapper.getConstructor(httpRequest)).withArgument(0)
                            .andThen(FieldAccessor.ofField("body").setsArgumentAt(1))
                            .andThen(FieldAccessor.ofField("stream").setsArgumentAt(2)))
                    .method(ElementMatchers.named("getInputStream").and(ElementMatchers.takesArguments(0)))
                    .intercept(FieldAccessor.ofField("stream"))
                    .method(ElementMatchers.named("getReader").and(ElementMatchers.takesArguments(0)))
                    .intercept(MethodCall.invoke(ReplayedBody.class.getMethod("reader", InputStream.class))
                            .onField("body").withField("stream"))
                    .make()
                    .load(loader, strategyFor(wrapper))
                    .getLoaded();
            return new Constructor<?>[] {
                stream.getConstructor(ReplayedBody.class),
                request.getConstructor(httpRequest, ReplayedBody.class, servletInputStream),
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot generate a body-replaying request for " + servletInputStream, e);
        }
    }

    /**
     * Java 9 and later: a private lookup in the superclass's package defines the class there (the
     * servlet API sits in an unnamed module, open to all). Java 8: the loader's defineClass.
     */
    private static ClassLoadingStrategy<ClassLoader> strategyFor(Class<?> neighbour) throws ReflectiveOperationException {
        if (!ClassFileVersion.ofThisVm().isAtLeast(ClassFileVersion.JAVA_V9)) {
            return ClassLoadingStrategy.Default.INJECTION;
        }
        // The agent's sealed module must read the servlet API's module for the private lookup;
        // a module may add that edge for itself (Module.addReads is caller-sensitive).
        Method getModule = Class.class.getMethod("getModule");
        Object ours = getModule.invoke(BodyReplay.class);
        Object theirs = getModule.invoke(neighbour);
        ours.getClass().getMethod("addReads", ours.getClass()).invoke(ours, theirs);
        Method privateLookupIn = MethodHandles.class.getMethod("privateLookupIn", Class.class, MethodHandles.Lookup.class);
        return ClassLoadingStrategy.UsingLookup.of(privateLookupIn.invoke(null, neighbour, MethodHandles.lookup()));
    }
}
