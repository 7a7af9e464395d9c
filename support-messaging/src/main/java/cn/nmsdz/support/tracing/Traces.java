package cn.nmsdz.support.tracing;

import cn.nmsdz.events.envelope.EventEnvelope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's trace across Kafka: an event carries the W3C {@code traceparent} of the change that caused it (in the
 * outbox row's CloudEvent), and whatever consumes it later (a projection, a snapshot worker) continues that trace in
 * a span of its own. With tracing off (the default of the local run) there is no valid span: nothing is carried and
 * every span is a no-op.
 */
public final class Traces {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String INSTRUMENTATION = "cn.nmsdz";

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(EventEnvelope.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return EventEnvelope.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private static volatile Tracer tracer;

    private Traces() {
    }

    /** Quarkus' tracer (a no-op one while the SDK is disabled); the global one outside a Quarkus application. */
    static Tracer tracer() {
        Tracer t = tracer;
        if (t == null) {
            ArcContainer container = Arc.container();
            t = container != null && container.instance(Tracer.class).isAvailable()
                    ? container.instance(Tracer.class).get()
                    : GlobalOpenTelemetry.getTracer(INSTRUMENTATION);
            tracer = t;
        }
        return t;
    }

    /** The current span as a W3C traceparent, or null outside any (sampled or not) span. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(EventEnvelope.TRACEPARENT);
    }

    /** The trace id of the current span, or null outside any. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** Starts a consumer span for an event, continuing the trace it carries (a new trace when it carries none). */
    public static Span consume(EventEnvelope event) {
        return start("consume " + event.type(), SpanKind.CONSUMER, event.traceparent())
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("nmsdz.region", String.valueOf(event.subject()));
    }

    /** Starts a span of work caused by an earlier change whose trace context was kept (null: a new trace). */
    public static Span start(String name, SpanKind kind, String traceparent) {
        Context parent = traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, TRACEPARENT);
        return tracer().spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** Runs {@code work} with {@code span} current, and ends the span (recording a failure). */
    public static void within(Span span, Runnable work) {
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
