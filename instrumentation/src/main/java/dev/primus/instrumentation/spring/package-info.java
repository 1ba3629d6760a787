/**
 * Auth rules that name a Spring MVC handler method ({@code match: { handler:
 * "com.acme.OrderController#refund" }}), checked when the handler is known and before its
 * arguments are bound: {@code AbstractHandlerMethodAdapter.handle(request, response, handler)},
 * the final method every annotated controller call goes through. A refusal writes the answer
 * and returns no model and view, so the controller never runs. The path rules were already
 * applied at the container's request entry ({@code dev.primus.instrumentation.servlet}); a
 * handler rule can only add a requirement to a request they let through.
 */
package dev.primus.instrumentation.spring;
