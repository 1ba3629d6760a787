/**
 * The masking engine: finds PII and secrets in log messages and replaces them before the line is
 * written. {@link dev.primus.agent.masking.Masker} is the whole public surface; everything else
 * is a small part with one job.
 *
 * <p><b>Pre-filter, then validators.</b> Most log lines hold nothing to mask, so the common case
 * must cost one pass over the chars and nothing else. {@link dev.primus.agent.masking.SpanFinder}
 * reads each char once through a {@link dev.primus.agent.masking.TriggerTable}: a char that can
 * start no value (most letters, spaces, punctuation) costs two array loads. Only a trigger (a digit
 * or an upper-case or known prefix letter at a word start, '@', '=', ':', '-', '+', '(', and a '_'
 * or '-' ending a word short enough to be a prefix such as sk_ or xoxb-, whose detectors are then
 * asked where that word starts) calls the detectors that
 * may start there, once the chars next to it have ruled out those they can: the next char, the
 * third, a PAN's first digit, and before a '=' or ':' the last char of the key (machine logs are
 * full of "id=", "INFO:", "-----" and upper-case words, which none of those detectors could
 * match). Each detector then
 * confirms with a validator before it answers
 * ({@link dev.primus.agent.masking.LuhnCheck}, {@link dev.primus.agent.masking.CardIssuerRanges},
 * {@link dev.primus.agent.masking.VerhoeffCheck}, {@link dev.primus.agent.masking.Mod97Check},
 * {@link dev.primus.agent.masking.IbanLengths}). Detectors answer with a packed long, so nothing
 * is allocated until a value is confirmed. Digits are what a clean line costs (timestamps, thread
 * names, ids): {@link dev.primus.agent.masking.DigitRunFilter} judges a digit run once, from its
 * length, first digit and the char after it, and
 * {@link dev.primus.agent.masking.DateTimeSkip} passes over a date or time as a whole wherever no
 * detector could match inside it. Overlapping values are merged by
 * {@link dev.primus.agent.masking.SpanResolver}: the earliest, then longest, names the value.
 *
 * <p><b>The same instance back.</b> {@code mask} returns its argument when there is nothing to
 * mask and no CR/LF, so a logger can compare with {@code ==} and skip a copy, and the clean path
 * allocates nothing. CR and LF are escaped first, so detection sees exactly the text a second
 * pass would see; with markers that never re-trigger a detector, masking is idempotent. The
 * scan finds them itself (a trigger bit of their own): a message is scanned once, told to stop at
 * a break, and only one that holds a break is escaped and scanned again. Looking for breaks in a
 * pass of its own cost a sixth of a short message's masking.
 *
 * <p><b>No regular expressions in built-in detectors; RE2/J only for custom ones.</b>
 * java.util.regex backtracks: a pattern such as {@code (a+)+$} on a long line can stall the
 * logging thread, and the app with it, and even a tame pattern costs far more than a table
 * lookup per char. Built-in detectors are hand-written scanners with bounded look-ahead. Custom
 * patterns come from the user, so they run on RE2/J, which matches in time linear in the input
 * whatever the pattern, and only when configured.
 */
package dev.primus.agent.masking;
