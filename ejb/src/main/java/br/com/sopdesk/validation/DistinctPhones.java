package br.com.sopdesk.validation;

import br.com.sopdesk.ticket.entity.Intake;
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
 * customer). Reported on {@code phone2}, so the page marks the second phone field.
 */
@Documented
@Constraint(validatedBy = DistinctPhones.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctPhones {
    String message() default "{sopdesk.phone2.distinct}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctPhones, Intake> {
        @Override
        public boolean isValid(Intake intake, ConstraintValidatorContext context) {
            if (intake == null || isBlank(intake.getPhone1()) || isBlank(intake.getPhone2())) {
                return true;
            }
            boolean distinct = !BrazilianDocuments.phoneDigits(intake.getPhone1())
                    .equals(BrazilianDocuments.phoneDigits(intake.getPhone2()));
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
