package br.com.sopdesk.sandbox;

/** A refusal the way Qualitor answers it: status 0 with an error code and message. */
final class SandboxFault extends Exception {
    final String code;

    SandboxFault(String code, String message) {
        super(message);
        this.code = code;
    }
}
