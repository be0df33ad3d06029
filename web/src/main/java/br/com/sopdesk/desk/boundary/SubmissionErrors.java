package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;

/**
 * A refused ticket or demand request on the guided SOP page: each error on its field, which is
 * marked invalid as a failed validator would mark it (PrimeFaces then renders {@code aria-invalid}),
 * and a summary on top.
 */
final class SubmissionErrors {

    private SubmissionErrors() {
    }

    static void show(FacesContext faces, InvalidSubmissionException e, SopBundle bundle) {
        e.fieldErrors(faces.getViewRoot().getLocale()).forEach((field, message) -> {
            String clientId = clientId(field, bundle);
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            if (clientId != null) {
                faces.getViewRoot().invokeOnComponent(faces, clientId, (context, component) -> {
                    if (component instanceof UIInput input) {
                        // an invalid input shows what was submitted, which the model update has
                        // cleared: without it the field would come back empty, what was typed lost
                        if (input.getSubmittedValue() == null && input.getValue() instanceof String typed) {
                            input.setSubmittedValue(typed);
                        }
                        input.setValid(false);
                    }
                });
            }
        });
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                faces.getApplication().getResourceBundle(faces, "msg").getString("intake.invalid"), null));
        faces.validationFailed();
    }

    /** The page component showing a field's error: intake fields by name, SOP fields by position. */
    private static String clientId(String field, SopBundle bundle) {
        if (field.startsWith("fields.")) {
            String name = field.substring("fields.".length());
            for (int i = 0; i < bundle.fields().size(); i++) {
                if (bundle.fields().get(i).name().equals(name)) {
                    return "walk:extra:" + i + ":field";
                }
            }
            return null;
        }
        return switch (field) {
            case "sop", "answers", "category" -> null;
            default -> "walk:" + field;
        };
    }
}
