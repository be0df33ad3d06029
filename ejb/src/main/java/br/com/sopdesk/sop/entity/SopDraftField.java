package br.com.sopdesk.sop.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A field the ticket form asks for beyond the intake, as edited; "asked when" is a question and one of its answers. */
public class SopDraftField implements Serializable {

    private static final long serialVersionUID = 1L;

    String name;
    String label;
    FieldSpec.Type type = FieldSpec.Type.TEXT;
    boolean required;
    String help;
    String whenQuestion;
    String whenAnswer;

    static SopDraftField of(FieldSpec f) {
        SopDraftField row = new SopDraftField();
        row.name = f.name();
        row.label = f.label();
        row.type = f.type();
        row.required = f.required();
        row.help = f.help();
        if (f.when() != null) {
            row.whenQuestion = f.when().question();
            row.whenAnswer = f.when().answer();
        }
        return row;
    }

    FieldSpec toField() {
        FieldSpec.When when = whenQuestion == null && whenAnswer == null ? null : new FieldSpec.When(whenQuestion, whenAnswer);
        return new FieldSpec(name, label, type, required, help, when);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public FieldSpec.Type getType() {
        return type;
    }

    public void setType(FieldSpec.Type type) {
        this.type = type;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getHelp() {
        return help;
    }

    public void setHelp(String help) {
        this.help = SopDraftForm.orNull(help);
    }

    public String getWhenQuestion() {
        return whenQuestion;
    }

    public void setWhenQuestion(String whenQuestion) {
        this.whenQuestion = SopDraftForm.orNull(whenQuestion);
    }

    public String getWhenAnswer() {
        return whenAnswer;
    }

    public void setWhenAnswer(String whenAnswer) {
        this.whenAnswer = SopDraftForm.orNull(whenAnswer);
    }
}
