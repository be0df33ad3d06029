package br.com.sopdesk.ticket.control;

import br.com.sopdesk.ticket.entity.Intake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.groups.Default;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the Bean Validation constraints of {@link Intake} for a submission (its own rules included)
 * in the caller's language and returns one message per field: the same messages for the page and
 * for the REST API.
 */
@ApplicationScoped
public class IntakeValidation {

    @Inject
    ValidatorFactory factory;

    public Map<String, String> errors(Intake intake, Locale locale) {
        MessageInterpolator base = factory.getMessageInterpolator();
        MessageInterpolator inLocale = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return base.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale l) {
                return base.interpolate(template, context, l);
            }
        };
        Map<String, String> errors = new LinkedHashMap<>();
        factory.usingContext().messageInterpolator(inLocale).getValidator().validate(intake, Default.class, Intake.AtSubmission.class).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Intake> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }
}
