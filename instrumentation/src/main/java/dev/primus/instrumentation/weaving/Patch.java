package dev.primus.instrumentation.weaving;

/**
 * One method of one JDK class to weave, and the bridge methods to call from it. Names are
 * JVM internal names and descriptors, as ASM reads them.
 */
public final class Patch {
    public enum Kind { ANSWER_INSTEAD, CHECK_ARGUMENT, ENTER_EXIT, FAIL_AS_FUTURE, FAIL_TO_HANDLER, FAIL_PROMISE, FILTER_RETURN,
        FILTER_STORE, GUARD_ARGUMENT }

    /** The exit descriptor that takes no argument; an exit taking one Object gets {@code this}. */
    static final String NO_ARGUMENT_EXIT = "()V";

    private final String className;
    private final String methodName;
    private final String methodDescriptor;
    private final Kind kind;
    private final int argument;
    private final String bridgeClass;
    private final String enterMethod;
    private final String enterDescriptor;
    private final String exitMethod;
    private final String failureOwner;
    private final String failureMethod;
    private final String failureDescriptor;
    private String exitDescriptor = NO_ARGUMENT_EXIT;
    private boolean bootOnly = true;
    private boolean optional;
    private boolean passesOwner;
    /** The library's package root if it is also woven where a jar shades it under a prefix ({@link #alsoWhereShaded}). */
    private String shadedRoot;
    /** Further arguments passed to the bridge at entry, after the first. */
    private int[] moreArguments = new int[0];
    /** Calls applied to the argument before the bridge gets it: owner, name, descriptor each. */
    private final java.util.List<String[]> argumentGetters = new java.util.ArrayList<String[]>();

    private Patch(String className, String methodName, String methodDescriptor, Kind kind, int argument,
                      String bridgeClass, String enterMethod, String enterDescriptor, String exitMethod,
                      String failureOwner, String failureMethod, String failureDescriptor) {
        this.className = className;
        this.methodName = methodName;
        this.methodDescriptor = methodDescriptor;
        this.kind = kind;
        this.argument = argument;
        this.bridgeClass = bridgeClass;
        this.enterMethod = enterMethod;
        this.enterDescriptor = enterDescriptor;
        this.exitMethod = exitMethod;
        this.failureOwner = failureOwner;
        this.failureMethod = failureMethod;
        this.failureDescriptor = failureDescriptor;
    }

    /** At entry: {@code bridge.check(argument)}, a static void method that may throw. */
    public static Patch checkArgument(String className, String methodName, String methodDescriptor, int argument,
                                          String bridgeClass, String checkMethod, String checkDescriptor) {
        return new Patch(className, methodName, methodDescriptor, Kind.CHECK_ARGUMENT, argument, bridgeClass,
                checkMethod, checkDescriptor, null, null, null, null);
    }

    /**
     * For a method that returns an object: at entry {@code answer = bridge.answer(argument)}; an
     * answer other than null is returned at once, cast to the method's return type, and the
     * method's own code never runs. A reverse lookup that is denied answers the address literal.
     */
    public static Patch answerInstead(String className, String methodName, String methodDescriptor, int argument,
                                          String bridgeClass, String answerMethod, String answerDescriptor) {
        return new Patch(className, methodName, methodDescriptor, Kind.ANSWER_INSTEAD, argument, bridgeClass,
                answerMethod, answerDescriptor, null, null, null, null);
    }

    /**
     * The same patch for a library class, woven in whichever class loader loads it (a library's
     * class names are its own, so the name alone identifies it).
     */
    public Patch inAnyLoader() {
        this.bootOnly = false;
        return this;
    }

    /**
     * The same patch also for a copy of its library that another jar shades under a package of
     * its own: gRPC's {@code grpc-netty-shaded} moves Netty's {@code io/netty/} to
     * {@code io/grpc/netty/shaded/io/netty/}, and its native transport connects without the JDK's
     * sockets, so the copy must be woven as Netty itself is. {@code root} is the library's package
     * root, {@code io/netty/}: a class whose name ends with this patch's class name after a prefix
     * ending in '/' is patched with every type under the root in the descriptors moved under that
     * prefix too ({@link #relocated}). A library patch only: the JDK's classes are never shaded.
     */
    public Patch alsoWhereShaded(String root) {
        if (!className.startsWith(root) || bootOnly) {
            throw new IllegalArgumentException(className + " is no library class under " + root);
        }
        this.shadedRoot = root;
        return this;
    }

    /** See {@link #alsoWhereShaded}; null when the patch is for its library's own names only. */
    public String shadedRoot() {
        return shadedRoot;
    }

    /**
     * This patch for the shaded copy of its library under {@code prefix} (a package name ending in
     * '/'): its class, its method's (or field's) descriptor and its argument getters' owners and
     * descriptors, every type under {@link #shadedRoot} moved under the prefix. The bridge's own
     * methods and descriptors stay: they take only the JDK's types. Public for the build's check
     * of the shaded copies it knows of.
     */
    public Patch relocated(String prefix) {
        Patch copy = new Patch(prefix + className, methodName, moved(methodDescriptor, prefix), kind, argument,
                bridgeClass, enterMethod, enterDescriptor, exitMethod, failureOwner, failureMethod, failureDescriptor);
        copy.exitDescriptor = exitDescriptor;
        copy.bootOnly = false;
        copy.optional = optional;
        copy.passesOwner = passesOwner;
        copy.moreArguments = moreArguments.clone();
        copy.shadedRoot = shadedRoot;
        for (String[] getter : argumentGetters) {
            String owner = getter[0].startsWith(shadedRoot) ? prefix + getter[0] : getter[0];
            copy.argumentGetters.add(new String[] {owner, getter[1], moved(getter[2], prefix)});
        }
        return copy;
    }

    /** {@code descriptor} with each object type under the shaded root moved under {@code prefix}. */
    private String moved(String descriptor, String prefix) {
        return descriptor.replace("L" + shadedRoot, "L" + prefix + shadedRoot);
    }

    /** Also passes these arguments to the bridge at entry, in this order, after the first. */
    public Patch alsoPassing(int... indexes) {
        this.moreArguments = indexes.clone();
        return this;
    }

    /**
     * Passes {@code argument.name()} instead of the argument; chained calls read further. For a
     * JDK module's internal classes, which the bridge cannot reach by reflection, the woven code
     * (inside the module) reads the value itself.
     */
    public Patch argumentVia(String owner, String name, String descriptor) {
        argumentGetters.add(new String[] {owner, name, descriptor});
        return this;
    }

    java.util.List<String[]> argumentGetters() {
        return argumentGetters;
    }

    /** The first of {@link #moreArguments}, or -1 for none. */
    public int secondArgument() {
        return moreArguments.length == 0 ? -1 : moreArguments[0];
    }

    int[] moreArguments() {
        return moreArguments.clone();
    }

    /**
     * A hook on a method or field that older versions of the library lack by design (Logback
     * 1.2 has no key-value pairs): never reported missing, since nothing is lost where it is.
     */
    public Patch optionalInOlderVersions() {
        this.optional = true;
        return this;
    }

    /** See {@link #optionalInOlderVersions()}. */
    public boolean optional() {
        return optional;
    }

    /** Whether only the boot loader's class of this name is woven. */
    public boolean bootOnly() {
        return bootOnly;
    }

    /**
     * At entry {@code bridge.enter(argument)} (argument -1: {@code this}); {@code bridge.exit()} on
     * every return and throw.
     */
    public static Patch enterExit(String className, String methodName, String methodDescriptor, int argument,
                                      String bridgeClass, String enterMethod, String enterDescriptor, String exitMethod) {
        return new Patch(className, methodName, methodDescriptor, Kind.ENTER_EXIT, argument, bridgeClass, enterMethod,
                enterDescriptor, exitMethod, null, null, null);
    }

    /** At entry {@code bridge.enter(this)}; {@code bridge.exit()} on every return and throw. */
    public static Patch enterExit(String className, String methodName, String methodDescriptor, String bridgeClass,
                                      String enterMethod, String enterDescriptor, String exitMethod) {
        return new Patch(className, methodName, methodDescriptor, Kind.ENTER_EXIT, -1, bridgeClass, enterMethod,
                enterDescriptor, exitMethod, null, null, null);
    }

    /**
     * For an asynchronous method that returns a Future: at entry {@code denial = bridge.deny(argument)}
     * (null to proceed); on a denial the method returns {@code failureOwner.failureMethod(denial)},
     * a failed future, and its own code never runs.
     */
    public static Patch failAsFuture(String className, String methodName, String methodDescriptor, int argument,
                                         String bridgeClass, String denyMethod, String denyDescriptor,
                                         String failureOwner, String failureMethod, String failureDescriptor) {
        return new Patch(className, methodName, methodDescriptor, Kind.FAIL_AS_FUTURE, argument, bridgeClass,
                denyMethod, denyDescriptor, null, failureOwner, failureMethod, failureDescriptor);
    }

    /**
     * For an asynchronous method whose last two arguments are an attachment and a completion
     * handler: on a denial, {@code failureOwner.failureMethod(this, handler, attachment, null, denial)}
     * reports it to the handler, and the method returns without running its own code.
     */
    public static Patch failToHandler(String className, String methodName, String methodDescriptor, int argument,
                                          String bridgeClass, String denyMethod, String denyDescriptor,
                                          String failureOwner, String failureMethod, String failureDescriptor) {
        return new Patch(className, methodName, methodDescriptor, Kind.FAIL_TO_HANDLER, argument, bridgeClass,
                denyMethod, denyDescriptor, null, failureOwner, failureMethod, failureDescriptor);
    }

    /**
     * For a void method that completes a promise argument (Netty's {@code Bootstrap.doConnect}):
     * on a denial, {@code failureOwner.failureMethod(promise, denial)} fails the promise and the
     * method returns without running its own code.
     */
    public static Patch failPromise(String className, String methodName, String methodDescriptor, int argument,
                                        int promiseArgument, String bridgeClass, String denyMethod, String denyDescriptor,
                                        String failureMethod, String failureDescriptor) {
        return new Patch(className, methodName, methodDescriptor, Kind.FAIL_PROMISE, argument, bridgeClass,
                denyMethod, denyDescriptor, null, bridgeClass, failureMethod, failureDescriptor).alsoPassing(promiseArgument);
    }

    /**
     * For a method that may be answered without running: at entry
     * {@code replacement = bridge.enter(argument, more...)}; null returns at once (null from a
     * method returning an object), anything else becomes the argument (cast back to its type) and
     * the method runs, with {@code bridge.exit()} on every return and throw after that when an
     * exit is named. A servlet container's request entry, where the agent either answers the
     * request itself or hands the app the request to use; Spring's handler adapter, where it
     * answers before the handler's arguments are bound.
     */
    public static Patch guardArgument(String className, String methodName, String methodDescriptor, int argument,
                                          String bridgeClass, String enterMethod, String enterDescriptor,
                                          String exitMethod, int... moreArguments) {
        return new Patch(className, methodName, methodDescriptor, Kind.GUARD_ARGUMENT, argument, bridgeClass,
                enterMethod, enterDescriptor, exitMethod, null, null, null).alsoPassing(moreArguments);
    }

    /**
     * Calls {@code bridge.exit(this)} on every way out of the method, and nothing at entry: for a
     * method whose result is read from the object once it has run.
     */
    public static Patch exitWithThis(String className, String methodName, String methodDescriptor,
                                         String bridgeClass, String exitMethod) {
        Patch patch = new Patch(className, methodName, methodDescriptor, Kind.ENTER_EXIT, -1, bridgeClass, null,
                null, exitMethod, null, null, null);
        patch.exitDescriptor = "(Ljava/lang/Object;)V";
        return patch;
    }

    /**
     * Before each {@code areturn} of the method: {@code value = bridge.filter(value)}, cast back
     * to the method's return type when the filter's is wider; with {@link #alsoPassing}, the
     * named arguments of the method follow the value: {@code bridge.filter(value, argument...)}.
     */
    public static Patch filterReturn(String className, String methodName, String methodDescriptor,
                                         String bridgeClass, String filterMethod, String filterDescriptor) {
        return new Patch(className, methodName, methodDescriptor, Kind.FILTER_RETURN, -1, bridgeClass, filterMethod,
                filterDescriptor, null, null, null, null);
    }

    /**
     * In every method of the class, before each store to its field {@code fieldName}:
     * {@code value = bridge.filter(value)}, cast back to the field's type. Catches the value
     * however the class computes it, in constructors and setters alike.
     */
    public static Patch filterStores(String className, String fieldName, String fieldDescriptor,
                                         String bridgeClass, String filterMethod, String filterDescriptor) {
        return new Patch(className, fieldName, fieldDescriptor, Kind.FILTER_STORE, -1, bridgeClass, filterMethod,
                filterDescriptor, null, null, null, null);
    }

    /**
     * For {@link #filterStores} of an instance field: the filter also gets the object whose field
     * is stored, {@code bridge.filter(value, owner)} (null in a constructor before its super()
     * call, where it is not initialised yet). For {@link #filterReturn} of an instance method: the
     * object whose method returns, after any {@link #alsoPassing} arguments.
     */
    public Patch passingOwner() {
        this.passesOwner = true;
        return this;
    }

    boolean passesOwner() {
        return passesOwner;
    }

    /** Internal name, e.g. {@code java/net/Socket}. */
    public String className() {
        return className;
    }

    public String methodName() {
        return methodName;
    }

    public String methodDescriptor() {
        return methodDescriptor;
    }

    public Kind kind() {
        return kind;
    }

    /** The zero-based argument passed to the bridge at entry; -1 for {@code this}. */
    public int argument() {
        return argument;
    }

    public String bridgeClass() {
        return bridgeClass;
    }

    public String enterMethod() {
        return enterMethod;
    }

    public String enterDescriptor() {
        return enterDescriptor;
    }

    public String exitMethod() {
        return exitMethod;
    }

    public String exitDescriptor() {
        return exitDescriptor;
    }

    /** For FILTER_STORE, the field whose stores are filtered (the method name then names it). */
    String fieldName() {
        return methodName;
    }

    String fieldDescriptor() {
        return methodDescriptor;
    }

    public String failureOwner() {
        return failureOwner;
    }

    public String failureMethod() {
        return failureMethod;
    }

    public String failureDescriptor() {
        return failureDescriptor;
    }

    /** A short name for messages: the class's simple name and the method (or field), {@code ConnectInterceptor.intercept}. */
    public String hookName() {
        String simple = className.substring(className.lastIndexOf('/') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1) + "." + methodName;
    }

    /** What the patch needs in its class, as a person reads it: {@code intercept(Chain)}, or {@code field message}. */
    public String target() {
        if (kind == Kind.FILTER_STORE) {
            return "field " + methodName;
        }
        StringBuilder text = new StringBuilder(methodName).append('(');
        org.objectweb.asm.Type[] arguments = org.objectweb.asm.Type.getArgumentTypes(methodDescriptor);
        for (int i = 0; i < arguments.length; i++) {
            String name = arguments[i].getClassName();
            text.append(i == 0 ? "" : ", ").append(name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1));
        }
        return text.append(')').toString();
    }

    boolean matches(String name, String descriptor) {
        if (kind == Kind.FILTER_STORE) {
            return true;
        }
        return methodName.equals(name) && methodDescriptor.equals(descriptor);
    }
}
