package br.com.sopdesk.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The two contact phones must be different numbers (the SOPs ask for two ways to reach the
 * customer). Reported on {@code phone2}, so the page marks the second phone field. It checks any
 * {@link TwoPhones}, so this package depends on no feature that uses it.
 */
@Documented
@Constraint(validatedBy = DistinctPhones.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctPhones {
    String message() default "{sopdesk.phone2.distinct}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What carries the two phones: the annotated type implements it. */
    interface TwoPhones {
        String getPhone1();

        String getPhone2();
    }

    class Validator implements ConstraintValidator<DistinctPhones, TwoPhones> {
        @Override
        public boolean isValid(TwoPhones phones, ConstraintValidatorContext context) {
            if (phones == null || isBlank(phones.getPhone1()) || isBlank(phones.getPhone2())) {
                return true;
            }
            boolean distinct = !BrazilianDocuments.phoneDigits(phones.getPhone1())
                    .equals(BrazilianDocuments.phoneDigits(phones.getPhone2()));
            if (!distinct) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("phone2").addConstraintViolation();
            }
            return distinct;
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
