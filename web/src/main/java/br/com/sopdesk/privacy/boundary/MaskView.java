package br.com.sopdesk.privacy.boundary;

import br.com.sopdesk.privacy.control.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * LGPD masking for lists in the pages, e.g. {@code #{mask.text(entry.detail)}}: CPF, phones and
 * e-mails masked (see {@link Masking}). Forms the agent is filling show the full values.
 */
@Named("mask")
@ApplicationScoped
public class MaskView {

    public String text(String value) {
        return Masking.text(value);
    }

    public String document(String value) {
        return Masking.document(value);
    }

    public String phone(String value) {
        return Masking.phone(value);
    }

    public String email(String value) {
        return Masking.email(value);
    }
}
