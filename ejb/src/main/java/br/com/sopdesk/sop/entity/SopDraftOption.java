package br.com.sopdesk.sop.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** An answer of a question as edited: its value, what the agent reads, and the node it leads to. */
public class SopDraftOption implements Serializable {

    private static final long serialVersionUID = 1L;

    String value;
    String label;
    String next;

    static SopDraftOption of(SopOption o) {
        SopDraftOption row = new SopDraftOption();
        row.value = o.value();
        row.label = o.label();
        row.next = o.next();
        return row;
    }

    SopOption toOption() {
        return new SopOption(value, label, next);
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = SopDraftForm.orNull(next);
    }
}
