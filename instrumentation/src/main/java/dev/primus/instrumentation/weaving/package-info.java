/**
 * The weaver: JDK and library classes, with plain ASM.
 *
 * <p>Why not ByteBuddy: the JDK's socket and HTTP classes must be woven before premain returns,
 * or the app's first connections go unguarded; ByteBuddy's agent builder and advice load about
 * 1,200 classes to do it, which measured 400-600 ms of premain on this machine, and its 3.9 MB
 * were most of the jar. Every hook is one known method of one known class in a few shapes
 * ({@link dev.primus.instrumentation.weaving.Patch.Kind}, listed in {@code docs/architecture.md}),
 * written directly in bytecode: the JDK's at start-up (retransformed), a library's when its class
 * loads, in whichever class loader loads it.
 *
 * <p>The bridge methods (in {@code dev.primus.bootstrap}) never throw anything but the intended
 * denial: they hold the try/catch that turns agent failures into counted events.
 */
package dev.primus.instrumentation.weaving;
