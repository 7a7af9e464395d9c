package cn.nmsdz.indicator.organisation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import cn.nmsdz.indicator.organisation.CampaignViews.Liaison;
import cn.nmsdz.indicator.organisation.CampaignViews.Stage;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The campaign's rules that join two fields of one object, as constraints: a broken one is the same problem as a broken
 * field constraint (support-http {@code ConstraintProblems}), on the field it names. The words are the shared
 * bundle's ({@code constraint.notBefore}, {@code constraint.requiredUnless}).
 */
public final class CampaignConstraints {
    private CampaignConstraints() {
    }

    /** A stage ends on or after the day it starts (both days are part of it); said on {@code endsOn}. */
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = StageDates.class)
    public @interface EndsNotBefore {
        /** The field the end may not lie before. */
        String value();

        String message() default "{constraint.notBefore}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A liaison is reachable: an office phone or, failing that, another contact; said on {@code phone}. */
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = LiaisonContact.class)
    public @interface RequiredUnless {
        /** The field that may stand in for the phone. */
        String value();

        String message() default "{constraint.requiredUnless}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class StageDates implements ConstraintValidator<EndsNotBefore, Stage> {
        @Override
        public boolean isValid(Stage s, ConstraintValidatorContext context) {
            if (s == null || s.startsOn() == null || s.endsOn() == null || !s.endsOn().isBefore(s.startsOn())) {
                return true; // a missing date is its own field's constraint
            }
            return on("endsOn", context);
        }
    }

    public static class LiaisonContact implements ConstraintValidator<RequiredUnless, Liaison> {
        @Override
        public boolean isValid(Liaison l, ConstraintValidatorContext context) {
            return l == null || !blank(l.phone()) || !blank(l.contact()) || on("phone", context);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The violation on {@code field} of the object, so that its JSON pointer names the field. */
    static boolean on(String field, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
