/**
 * slf4j-simple (SLF4J 1.7 and 2.x), which prints each line itself rather than through a logging
 * framework's events: the line it built is masked in place as it is written, as a message that
 * is its own template, and the thread is marked while it and the stack trace after it are printed.
 */
package dev.primus.instrumentation.slf4jsimple;
