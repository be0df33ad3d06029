package br.com.sopdesk.sandbox;

/** A refusal the way Qualitor answers it: status 0 with an error code and message. */
final class SandboxFault extends Exception {
    final String code;

    SandboxFault(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Qualitor's refusal of the first of these {name, value} pairs whose value is missing or blank. */
    static void required(String... namesAndValues) throws SandboxFault {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null || namesAndValues[i + 1].isBlank()) {
                throw new SandboxFault("12", "Ws - Campo obrigatório não informado: " + namesAndValues[i]);
            }
        }
    }
}
