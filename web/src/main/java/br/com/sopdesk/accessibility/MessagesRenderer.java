package br.com.sopdesk.accessibility;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.messages.Messages;

/**
 * {@code p:messages} with each message still a list item: PrimeFaces puts {@code role="alert"} on
 * the {@code <li>} itself, which then is no list item any more (axe's rule {@code list}, serious).
 * Here the {@code <li>} holds a {@code <span role="alert">} with what PrimeFaces writes, so the
 * message is announced as before and the list stays a list. Registered in faces-config.xml.
 */
public class MessagesRenderer extends org.primefaces.component.messages.MessagesRenderer {

    @Override
    protected void encodeMessage(ResponseWriter writer, Messages messages, FacesMessage message, String severity, boolean escape)
            throws IOException {
        writer.startElement("li", null);
        super.encodeMessage(new ItemAsSpan(writer), messages, message, severity, escape);
        writer.endElement("li");
    }

    /** Writes PrimeFaces' list item as a span inside ours. */
    private static final class ItemAsSpan extends ResponseWriterWrapper {

        ItemAsSpan(ResponseWriter writer) {
            super(writer);
        }

        @Override
        public void startElement(String name, UIComponent component) throws IOException {
            super.startElement("li".equals(name) ? "span" : name, component);
        }

        @Override
        public void endElement(String name) throws IOException {
            super.endElement("li".equals(name) ? "span" : name);
        }
    }
}
