package cn.nmsdz.support.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A query parameter that is a whole number from {@link #min()} to {@link #max()}, read as text so that text which is
 * no number at all is a constraint violation like any other, named with every other bad parameter of the request in
 * one invalid-field problem (a typed {@code int} fails in conversion, before the other parameters are checked). Show it
 * as an integer in the OpenAPI with {@code @Parameter(schema = @Schema(type = INTEGER, minimum, maximum))}.
 */
@Target({PARAMETER, FIELD, METHOD, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = WholeNumber.Check.class)
public @interface WholeNumber {
    long min();

    long max();

    String message() default "{constraint.wholeNumber}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WholeNumber, String> {
        private long min;
        private long max;

        @Override
        public void initialize(WholeNumber bounds) {
            min = bounds.min();
            max = bounds.max();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (text == null) {
                return true; // absent: @NotNull says whether it may be
            }
            if (!text.matches("[+-]?\\d{1,18}")) {
                return false;
            }
            long value = Long.parseLong(text);
            return value >= min && value <= max;
        }
    }
}
