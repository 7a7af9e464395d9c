package cn.nmsdz.support.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A request that breaks a constraint of its body record or of a parameter (Hibernate Validator): the same problem on
 * every endpoint, a 400 of type {@value #TYPE} whose {@code errors} name each field as a JSON pointer
 * ({@code /observations/3/value}) or a parameter by its name ({@code year}), in the words of the request's language
 * (Chinese by default), never the validator's own message or a Java name.
 */
public class ConstraintProblems {
    private static final Logger LOG = Logger.getLogger(ConstraintProblems.class);

    /** The problem type of a value that breaks a constraint of its field or parameter (listed in the README). */
    public static final String TYPE = ProblemType.TYPE_PREFIX + "invalid-field";

    @ServerExceptionMapper
    public Response violated(ConstraintViolationException e, UriInfo uri, SimpleResourceInfo resource) {
        if (e.getConstraintViolations().stream().anyMatch(ConstraintProblems::ofReturnValue)) {
            // an answer that breaks its own constraints is this service's fault, not the client's
            LOG.error("response breaks its constraints on " + (uri == null ? "?" : uri.getPath()) + ": " + e.getMessage());
            return ProblemMappers.respond(500, "Internal error", ProblemText.text("unexpected"), uri, List.of());
        }
        ProblemException problem = problem(e.getConstraintViolations(), "", method(resource));
        return ProblemMappers.respond(TYPE, 400, problem.title(), problem.getMessage(), uri, problem.errors());
    }

    /**
     * The problem of values a resource validated itself (e.g. each row of a streamed batch), its fields under
     * {@code prefix} ("/3"): the same problem as a body the framework validated.
     */
    public static ProblemException problem(Set<? extends ConstraintViolation<?>> violations, String prefix) {
        return problem(violations, prefix, null);
    }

    static ProblemException problem(Set<? extends ConstraintViolation<?>> violations, String prefix, Method method) {
        return problem(errors(violations, prefix, method));
    }

    /**
     * The field errors of values a resource validated itself, under {@code prefix}; empty when there are none. For
     * the rows of a batch: no exception (and its stack trace) is made for a row that has no error.
     */
    public static List<Problem.FieldError> errors(Set<? extends ConstraintViolation<?>> violations, String prefix) {
        return violations.isEmpty() ? List.of() : errors(violations, prefix, null);
    }

    private static List<Problem.FieldError> errors(Set<? extends ConstraintViolation<?>> violations, String prefix,
            Method method) {
        // a record component's constraint can reach the validator twice (its field and its accessor): one error each
        Set<Problem.FieldError> errors = new LinkedHashSet<>();
        violations.stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath(), prefix, method), message(v, method)))
                .sorted(Comparator.comparing(Problem.FieldError::field, ConstraintProblems::byPointer))
                .forEach(errors::add);
        return List.copyOf(errors);
    }

    /** The problem of field errors gathered from several validations (e.g. the rows of a batch). */
    public static ProblemException problem(List<Problem.FieldError> list) {
        String detail = list.size() == 1 ? sentence(list.get(0))
                : ProblemText.text("constraint.several", list.size(),
                        String.join("; ", list.stream().map(ConstraintProblems::sentence).toList()));
        return ProblemException.badRequest(detail, list).typed(TYPE);
    }

    /** "/year must be 2000..2100", "query parameter 'limit' must be 1..1000". */
    static String sentence(Problem.FieldError error) {
        return error.field().startsWith("/") ? ProblemText.text("constraint.field", error.field(), error.message())
                : ProblemText.text("parameter.query", error.field(), error.message());
    }

    /** Pointers in document order: /2/value before /10/value. */
    static int byPointer(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    static boolean ofReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field of a violation: the name of a query, path or header parameter, else a JSON pointer into the body
     * ({@code /} for the body as a whole). An element's index comes with the node after its list.
     */
    static String field(Path path, String prefix, Method method) {
        StringBuilder pointer = new StringBuilder(prefix);
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    String name = parameterName(method, node.as(Path.ParameterNode.class).getParameterIndex());
                    if (name != null) {
                        return name;
                    }
                    // the body: what follows points into it
                }
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    if (node.isInIterable()) {
                        Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                        if (at != null) {
                            pointer.append('/').append(escape(String.valueOf(at)));
                        }
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        pointer.append('/').append(escape(node.getName()));
                    }
                }
                default -> {
                    // the method, its return value, its parameters as a whole
                }
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** The name a client knows a parameter by ({@code @QueryParam("year")}), or null for the body. */
    static String parameterName(Method method, int index) {
        if (method == null || index < 0 || index >= method.getParameterCount()) {
            return null;
        }
        Parameter p = method.getParameters()[index];
        QueryParam query = p.getAnnotation(QueryParam.class);
        PathParam path = p.getAnnotation(PathParam.class);
        HeaderParam header = p.getAnnotation(HeaderParam.class);
        FormParam form = p.getAnnotation(FormParam.class);
        CookieParam cookie = p.getAnnotation(CookieParam.class);
        return query != null ? query.value() : path != null ? path.value() : header != null ? header.value()
                : form != null ? form.value() : cookie != null ? cookie.value() : null;
    }

    static Method method(SimpleResourceInfo resource) {
        if (resource == null) {
            return null;
        }
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }

    /**
     * What is wrong, in the request's language, from the kind of constraint and its bounds; a constraint of the
     * project's own says it with its message key ({@code message = "{constraint.oneDecimal}"}) in the shared bundle.
     */
    static String message(ConstraintViolation<?> v, Method method) {
        Annotation a = v.getConstraintDescriptor().getAnnotation();
        Map<String, Object> at = v.getConstraintDescriptor().getAttributes();
        String template = v.getMessageTemplate();
        if (template != null && template.startsWith("{constraint.") && template.endsWith("}")) {
            String key = template.substring(1, template.length() - 1);
            return ProblemText.text(key, at.get("value"), at.get("min"), at.get("max"), at.get("integer"),
                    at.get("fraction"), at.get("regexp"));
        }
        if (a instanceof NotNull || a instanceof NotBlank || a instanceof NotEmpty) {
            return ProblemText.text("constraint.required");
        }
        if (a instanceof Min || a instanceof Max || a instanceof DecimalMin || a instanceof DecimalMax) {
            // a range is said as one range, whichever of its ends was passed
            AnnotatedElement element = element(v, method);
            String min = element == null ? own(a, true) : bound(element, true);
            String max = element == null ? own(a, false) : bound(element, false);
            if (min != null && max != null) {
                return ProblemText.text("constraint.range", min, max);
            }
            return min != null ? ProblemText.text("constraint.min", min) : ProblemText.text("constraint.max", max);
        }
        if (a instanceof Size s) {
            boolean text = v.getInvalidValue() instanceof CharSequence;
            boolean items = v.getInvalidValue() instanceof Collection<?> || v.getInvalidValue() instanceof Map<?, ?>
                    || v.getInvalidValue() != null && v.getInvalidValue().getClass().isArray();
            String unit = text || !items ? "characters" : "items";
            if (s.min() > 0 && s.max() < Integer.MAX_VALUE) {
                return ProblemText.text("constraint.size." + unit, s.min(), s.max());
            }
            return s.min() > 0 ? ProblemText.text("constraint.sizeMin." + unit, s.min())
                    : ProblemText.text("constraint.sizeMax." + unit, s.max());
        }
        if (a instanceof Digits d) {
            return d.fraction() == 0 ? ProblemText.text("constraint.digitsWhole", d.integer())
                    : ProblemText.text("constraint.digits", d.integer(), d.fraction());
        }
        if (a instanceof Pattern p) {
            // a choice of words (ACCEPT|REJECT) is said as one
            return p.regexp().matches("\\w+(\\|\\w+)+")
                    ? choice(p.regexp().split("\\|"))
                    : ProblemText.text("constraint.pattern", p.regexp());
        }
        return ProblemText.text("constraint.notAllowed");
    }

    /** "must be ACCEPT or REJECT", "must be A, B or C". */
    static String choice(String[] words) {
        String all = String.join(", ", java.util.Arrays.copyOf(words, words.length - 1));
        return ProblemText.text("constraint.oneOf", all, words[words.length - 1]);
    }

    /** The field or parameter a violation is on, to read its other bounds. */
    static AnnotatedElement element(ConstraintViolation<?> v, Method method) {
        Path.Node last = null;
        for (Path.Node node : v.getPropertyPath()) {
            last = node;
        }
        if (last == null) {
            return null;
        }
        if (last.getKind() == ElementKind.PARAMETER && method != null) {
            int index = last.as(Path.ParameterNode.class).getParameterIndex();
            return index < method.getParameterCount() ? method.getParameters()[index] : null;
        }
        if (last.getKind() == ElementKind.PROPERTY && v.getLeafBean() != null) {
            for (Class<?> c = v.getLeafBean().getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    return c.getDeclaredField(last.getName());
                } catch (NoSuchFieldException e) {
                    // a superclass's
                }
            }
        }
        return null;
    }

    /** The bound of the violated constraint itself, when its element cannot be read. */
    static String own(Annotation a, boolean lower) {
        if (lower) {
            return a instanceof Min m ? String.valueOf(m.value()) : a instanceof DecimalMin d ? d.value() : null;
        }
        return a instanceof Max m ? String.valueOf(m.value()) : a instanceof DecimalMax d ? d.value() : null;
    }

    static String bound(AnnotatedElement element, boolean lower) {
        if (element == null) {
            return null;
        }
        if (lower) {
            Min min = element.getAnnotation(Min.class);
            DecimalMin dmin = element.getAnnotation(DecimalMin.class);
            return min != null ? String.valueOf(min.value()) : dmin != null ? dmin.value() : null;
        }
        Max max = element.getAnnotation(Max.class);
        DecimalMax dmax = element.getAnnotation(DecimalMax.class);
        return max != null ? String.valueOf(max.value()) : dmax != null ? dmax.value() : null;
    }
}
