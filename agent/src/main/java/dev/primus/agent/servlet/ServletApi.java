package dev.primus.agent.servlet;

import dev.primus.agent.auth.RequestPaths;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The servlet methods the guard calls, for one request class and one response class, found on
 * the {@code javax.servlet} or {@code jakarta.servlet} interfaces they implement. The two APIs
 * name their methods alike, so one adapter serves both; reflection, because the agent is built
 * against neither and each web app brings its own copy.
 */
final class ServletApi implements RequestFrames.Attributes {
    private static final String[] PACKAGES = {"jakarta.servlet.", "javax.servlet."};

    private static final ClassValue<ServletApi> BY_REQUEST_CLASS = new ClassValue<ServletApi>() {
        @Override
        protected ServletApi computeValue(Class<?> requestClass) {
            return ServletApi.find(requestClass);
        }
    };

    final String packagePrefix;
    /**
     * The API's {@code ServletInputStream} class, as the container's class loader sees it: what a
     * replayed body extends, resolved here once rather than on every request that replays one.
     */
    final Class<?> inputStreamType;
    // Method handles on the API's public interfaces, resolved once per request class and called
    // with invokeExact: no reflective lookup, no argument array, no boxing per request.
    private final MethodHandle dispatcherType;
    private final MethodHandle method;
    private final MethodHandle requestUri;
    private final MethodHandle contextPath;
    private final MethodHandle header;
    private final MethodHandle remoteAddr;
    private final MethodHandle setAttribute;
    private final MethodHandle getAttribute;
    private final MethodHandle inputStream;
    private final MethodHandle contentLength;
    private final MethodHandle characterEncoding;
    private final MethodHandle contentType;
    private final MethodHandle setStatus;
    private final MethodHandle setHeader;
    private final MethodHandle outputStream;
    /** {@code ServletRequestWrapper} and its {@code getRequest}: what a filter or a forward wraps a request in. */
    private final Class<?> wrapperType;
    private final MethodHandle wrapped;

    private static final MethodType OBJECT = MethodType.methodType(Object.class, Object.class);
    private static final MethodType STRING = MethodType.methodType(String.class, Object.class);

    private ServletApi(String packagePrefix, Class<?> request, Class<?> response)
            throws NoSuchMethodException, ClassNotFoundException, IllegalAccessException {
        this.packagePrefix = packagePrefix;
        this.inputStreamType = Class.forName(packagePrefix + "ServletInputStream", false, request.getClassLoader());
        this.dispatcherType = handle(request, "getDispatcherType", OBJECT);
        this.method = handle(request, "getMethod", STRING);
        this.requestUri = handle(request, "getRequestURI", STRING);
        this.contextPath = handle(request, "getContextPath", STRING);
        this.header = handle(request, "getHeader", MethodType.methodType(String.class, Object.class, String.class), String.class);
        this.remoteAddr = handle(request, "getRemoteAddr", STRING);
        this.setAttribute = handle(request, "setAttribute",
                MethodType.methodType(void.class, Object.class, String.class, Object.class), String.class, Object.class);
        this.getAttribute = handle(request, "getAttribute",
                MethodType.methodType(Object.class, Object.class, String.class), String.class);
        this.inputStream = handle(request, "getInputStream", MethodType.methodType(InputStream.class, Object.class));
        this.contentLength = handle(request, "getContentLength", MethodType.methodType(int.class, Object.class));
        this.characterEncoding = handle(request, "getCharacterEncoding", STRING);
        this.contentType = handle(request, "getContentType", STRING);
        this.setStatus = handle(response, "setStatus", MethodType.methodType(void.class, Object.class, int.class), int.class);
        this.setHeader = handle(response, "setHeader",
                MethodType.methodType(void.class, Object.class, String.class, String.class), String.class, String.class);
        this.outputStream = handle(response, "getOutputStream", MethodType.methodType(OutputStream.class, Object.class));
        this.wrapperType = Class.forName(packagePrefix + "ServletRequestWrapper", false, request.getClassLoader());
        this.wrapped = handle(wrapperType, "getRequest", OBJECT);
    }

    /** A public method of a public servlet type, as a handle of the given erased type. */
    private static MethodHandle handle(Class<?> type, String name, MethodType erased, Class<?>... parameters)
            throws NoSuchMethodException, IllegalAccessException {
        return MethodHandles.publicLookup().unreflect(type.getMethod(name, parameters)).asType(erased);
    }

    /** Past this many wrappers a request is taken as it is: no container wraps that deep. */
    private static final int MAX_WRAPPERS = 32;

    /**
     * The container's own request under every wrapper: the one object that stands for a request
     * through its whole filter chain, whatever the filters and forwards wrapped it in.
     */
    Object innermost(Object request) {
        Object current = request;
        try {
            for (int i = 0; i < MAX_WRAPPERS && wrapperType.isInstance(current); i++) {
                Object inner = (Object) wrapped.invokeExact(current);
                if (inner == null) {
                    break;
                }
                current = inner;
            }
        } catch (Throwable failure) {
            throw rethrown("getRequest", failure);
        }
        return current;
    }

    /** The API of a request object, or null when it implements neither servlet API. */
    static ServletApi of(Object request) {
        return BY_REQUEST_CLASS.get(request.getClass());
    }

    private static ServletApi find(Class<?> requestClass) {
        for (String prefix : PACKAGES) {
            Class<?> request = implemented(requestClass, prefix + "http.HttpServletRequest");
            if (request != null) {
                try {
                    Class<?> response = Class.forName(prefix + "http.HttpServletResponse", false, request.getClassLoader());
                    return new ServletApi(prefix, request, response);
                } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | LinkageError e) {
                    return null; // A servlet API before 3.0 (no dispatcher type): not supported.
                }
            }
        }
        return null;
    }

    private static Class<?> implemented(Class<?> type, String interfaceName) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> implemented : current.getInterfaces()) {
                if (implemented.getName().equals(interfaceName)) {
                    return implemented;
                }
                Class<?> inherited = implemented(implemented, interfaceName);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    boolean isRequestDispatch(Object request) {
        Object type;
        try {
            type = (Object) dispatcherType.invokeExact(request);
        } catch (Throwable failure) {
            throw rethrown("getDispatcherType", failure);
        }
        return type != null && "REQUEST".equals(type.toString());
    }

    String method(Object request) {
        return text(method, "getMethod", request);
    }

    /**
     * The request URI as sent (still encoded), without the web app's context path; null when the
     * context path the container routed by is not found at its start, which the caller refuses.
     * The container reads the context path from another spelling than the raw URI's where it
     * resolves the URI first: Tomcat from {@code //shop/...}, Jetty and Undertow from
     * {@code /%73hop/...}, {@code /./shop/...} or {@code /x/../shop/...}. Then the URI's canonical
     * form is read, and the context's segments are cut from it: falling back to the whole URI would
     * judge {@code /shop/admin} where the app runs {@code /admin}, and no rule would meet it.
     */
    String pathInApp(Object request) {
        String uri = requestUri(request);
        String context = text(contextPath, "getContextPath", request);
        if (uri == null || context == null || context.isEmpty()) {
            return uri;
        }
        if (startsWithSegments(uri, context)) {
            return uri.substring(context.length());
        }
        String canonical = RequestPaths.normalise(uri);
        if (canonical == null) {
            return uri; // refused as it is, whatever its context
        }
        String canonicalContext = RequestPaths.normalise(context);
        return canonicalContext != null && startsWithSegments(canonical, canonicalContext)
                ? canonical.substring(canonicalContext.length()) : null;
    }

    /** Whether {@code path} starts with {@code prefix} where a segment ends: {@code /shop/x}, not {@code /shopx}. */
    private static boolean startsWithSegments(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The request URI as sent, context path included. */
    String requestUri(Object request) {
        return text(requestUri, "getRequestURI", request);
    }

    String header(Object request, String name) {
        try {
            return (String) header.invokeExact(request, name);
        } catch (Throwable failure) {
            throw rethrown("getHeader", failure);
        }
    }

    String remoteAddr(Object request) {
        return text(remoteAddr, "getRemoteAddr", request);
    }

    @Override
    public void setAttribute(Object request, String name, Object value) {
        try {
            setAttribute.invokeExact(request, name, value);
        } catch (Throwable failure) {
            throw rethrown("setAttribute", failure);
        }
    }

    @Override
    public Object attribute(Object request, String name) {
        try {
            return (Object) getAttribute.invokeExact(request, name);
        } catch (Throwable failure) {
            throw rethrown("getAttribute", failure);
        }
    }

    int contentLength(Object request) {
        try {
            return (int) contentLength.invokeExact(request);
        } catch (Throwable failure) {
            throw rethrown("getContentLength", failure);
        }
    }

    String characterEncoding(Object request) {
        return text(characterEncoding, "getCharacterEncoding", request);
    }

    String contentType(Object request) {
        return text(contentType, "getContentType", request);
    }

    InputStream inputStream(Object request) {
        try {
            return (InputStream) inputStream.invokeExact(request);
        } catch (Throwable failure) {
            throw rethrown("getInputStream", failure);
        }
    }

    void setStatus(Object response, int status) {
        try {
            setStatus.invokeExact(response, status);
        } catch (Throwable failure) {
            throw rethrown("setStatus", failure);
        }
    }

    void setHeader(Object response, String name, String value) {
        try {
            setHeader.invokeExact(response, name, value);
        } catch (Throwable failure) {
            throw rethrown("setHeader", failure);
        }
    }

    OutputStream outputStream(Object response) {
        try {
            return (OutputStream) outputStream.invokeExact(response);
        } catch (Throwable failure) {
            throw rethrown("getOutputStream", failure);
        }
    }

    private static String text(MethodHandle getter, String name, Object target) {
        try {
            return (String) getter.invokeExact(target);
        } catch (Throwable failure) {
            throw rethrown(name, failure);
        }
    }

    /** What a servlet method threw, as the caller expects it: unchecked exceptions as they are. */
    private static RuntimeException rethrown(String method, Throwable failure) {
        if (failure instanceof RuntimeException) {
            return (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        return new IllegalStateException(method + " failed", failure);
    }
}
