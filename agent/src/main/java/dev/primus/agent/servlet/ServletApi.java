package dev.primus.agent.servlet;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The servlet methods the guard calls, for one request class and one response class, found on
 * the {@code javax.servlet} or {@code jakarta.servlet} interfaces they implement. The two APIs
 * name their methods alike, so one adapter serves both; reflection, because the agent is built
 * against neither and each web app brings its own copy.
 */
final class ServletApi {
    private static final String[] PACKAGES = {"jakarta.servlet.", "javax.servlet."};

    private static final ClassValue<ServletApi> BY_REQUEST_CLASS = new ClassValue<ServletApi>() {
        @Override
        protected ServletApi computeValue(Class<?> requestClass) {
            return ServletApi.find(requestClass);
        }
    };

    final String packagePrefix;
    /** The API's {@code HttpServletRequest} interface, as the container's class loader sees it. */
    final Class<?> requestType;
    private final Method dispatcherType;
    private final Method method;
    private final Method requestUri;
    private final Method contextPath;
    private final Method header;
    private final Method remoteAddr;
    private final Method setAttribute;
    private final Method inputStream;
    private final Method contentLength;
    private final Method characterEncoding;
    private final Class<?> responseType;
    /** {@code ServletRequestWrapper} and its {@code getRequest}: what a filter or a forward wraps a request in. */
    private final Class<?> wrapperType;
    private final Method wrapped;

    private ServletApi(String packagePrefix, Class<?> request, Class<?> response)
            throws NoSuchMethodException, ClassNotFoundException {
        this.packagePrefix = packagePrefix;
        this.requestType = request;
        this.dispatcherType = request.getMethod("getDispatcherType");
        this.method = request.getMethod("getMethod");
        this.requestUri = request.getMethod("getRequestURI");
        this.contextPath = request.getMethod("getContextPath");
        this.header = request.getMethod("getHeader", String.class);
        this.remoteAddr = request.getMethod("getRemoteAddr");
        this.setAttribute = request.getMethod("setAttribute", String.class, Object.class);
        this.inputStream = request.getMethod("getInputStream");
        this.contentLength = request.getMethod("getContentLength");
        this.characterEncoding = request.getMethod("getCharacterEncoding");
        this.responseType = response;
        this.wrapperType = Class.forName(packagePrefix + "ServletRequestWrapper", false, request.getClassLoader());
        this.wrapped = wrapperType.getMethod("getRequest");
    }

    /** Past this many wrappers a request is taken as it is: no container wraps that deep. */
    private static final int MAX_WRAPPERS = 32;

    /**
     * The container's own request under every wrapper: the one object that stands for a request
     * through its whole filter chain, whatever the filters and forwards wrapped it in.
     */
    Object innermost(Object request) {
        Object current = request;
        for (int i = 0; i < MAX_WRAPPERS && wrapperType.isInstance(current); i++) {
            Object inner = call(wrapped, current);
            if (inner == null) {
                break;
            }
            current = inner;
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
                } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
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
        Object type = call(dispatcherType, request);
        return type != null && "REQUEST".equals(type.toString());
    }

    String method(Object request) {
        return (String) call(method, request);
    }

    /** The request URI as sent (still encoded), without the web app's context path. */
    String pathInApp(Object request) {
        String uri = (String) call(requestUri, request);
        String context = (String) call(contextPath, request);
        if (uri != null && context != null && !context.isEmpty() && uri.startsWith(context)) {
            return uri.substring(context.length());
        }
        return uri;
    }

    String header(Object request, String name) {
        return (String) call(header, request, name);
    }

    String remoteAddr(Object request) {
        return (String) call(remoteAddr, request);
    }

    void setAttribute(Object request, String name, Object value) {
        call(setAttribute, request, name, value);
    }

    int contentLength(Object request) {
        return (Integer) call(contentLength, request);
    }

    String characterEncoding(Object request) {
        return (String) call(characterEncoding, request);
    }

    InputStream inputStream(Object request) {
        return (InputStream) call(inputStream, request);
    }

    void setStatus(Object response, int status) {
        call(responseMethod("setStatus", int.class), response, status);
    }

    void setHeader(Object response, String name, String value) {
        call(responseMethod("setHeader", String.class, String.class), response, name, value);
    }

    OutputStream outputStream(Object response) {
        return (OutputStream) call(responseMethod("getOutputStream"), response);
    }

    private Method responseMethod(String name, Class<?>... types) {
        try {
            return responseType.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(responseType.getName() + " has no " + name, e);
        }
    }

    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(method.getName() + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(method.getName() + " is not accessible", e);
        }
    }
}
