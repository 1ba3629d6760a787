/**
 * Weaving of JDK classes at start-up, with plain ASM.
 *
 * <p>Why not ByteBuddy here: the JDK's socket and HTTP classes must be woven before premain
 * returns, or the app's first connections go unguarded; ByteBuddy's agent builder and advice
 * load about 1,200 classes to do it, which measured 400-600 ms of premain on this machine. The
 * JDK hooks need only a few shapes, so they are written directly in bytecode, loading some forty
 * ASM classes:
 * <ul>
 *   <li>{@link dev.primus.instrumentation.boot.BootPatch.Kind#CHECK_ARGUMENT}: at method entry,
 *       pass one argument to a static bridge method, which returns or throws the denial.</li>
 *   <li>{@link dev.primus.instrumentation.boot.BootPatch.Kind#ENTER_EXIT}: at entry pass
 *       {@code this} to an enter method (which may throw), and call an exit method on every way
 *       out, returns and throws alike.</li>
 *   <li>{@link dev.primus.instrumentation.boot.BootPatch.Kind#FAIL_AS_FUTURE} and
 *       {@link dev.primus.instrumentation.boot.BootPatch.Kind#FAIL_TO_HANDLER}: for asynchronous
 *       methods, ask the bridge for the denial and report it the way the method reports any
 *       failure (a failed Future, the handler's {@code failed}), instead of throwing.</li>
 * </ul>
 * The bridge methods (in {@code dev.primus.bootstrap}) never throw anything but the intended
 * denial: they hold the try/catch that turns agent failures into counted events. Libraries
 * loaded by the app's class loaders keep ByteBuddy advice ({@link dev.primus.instrumentation.Hook}).
 */
package dev.primus.instrumentation.boot;
