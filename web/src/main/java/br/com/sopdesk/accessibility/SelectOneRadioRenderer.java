package br.com.sopdesk.accessibility;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.selectoneradio.SelectOneRadio;

/**
 * {@code p:selectOneRadio} without the {@code aria-checked} PrimeFaces writes on each option's grid
 * cell, a plain {@code <div>} where the attribute is not allowed (axe's rule {@code aria-allowed-attr},
 * critical). The option's own radio input already says whether it is checked; PrimeFaces' script
 * only sets the attribute on elements with {@code role="radio"}, which these cells are not.
 * Registered in faces-config.xml.
 */
public class SelectOneRadioRenderer extends org.primefaces.component.selectoneradio.SelectOneRadioRenderer {

    @Override
    protected void encodeResponsiveLayout(FacesContext context, SelectOneRadio radio, String style) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new WithoutAriaChecked(writer));
        try {
            super.encodeResponsiveLayout(context, radio, style);
        } finally {
            context.setResponseWriter(writer);
        }
    }

    private static final class WithoutAriaChecked extends ResponseWriterWrapper {

        WithoutAriaChecked(ResponseWriter writer) {
            super(writer);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            if (!"aria-checked".equals(name)) {
                super.writeAttribute(name, value, property);
            }
        }
    }
}
