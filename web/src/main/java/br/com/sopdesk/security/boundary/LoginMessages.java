package br.com.sopdesk.security.boundary;

/** How long to wait, in words, for the throttle's refusal on the API (pt-BR, like its other messages). */
final class LoginMessages {

    private LoginMessages() {
    }

    static String waitText(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " segundo" : " segundos");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minuto" : " minutos");
    }
}
