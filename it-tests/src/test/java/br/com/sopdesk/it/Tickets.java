package br.com.sopdesk.it;

/** JSON bodies for {@code POST /api/tickets}, shared by the API tests. */
final class Tickets {

    private Tickets() {
    }

    static String lostPasswordA1(String document, String phone1, String phone2, String email, String description, String category) {
        return "{\"sopId\":\"perda-de-senha\",\"answers\":{\"tipo\":\"A1\",\"a1-esgotou\":\"sim\"},"
                + "\"customer\":{\"document\":" + quote(document) + ",\"name\":\"Comércio Alfanumérico S.A.\",\"email\":" + quote(email)
                + ",\"phone1\":" + quote(phone1) + ",\"phone2\":" + quote(phone2) + "},"
                + "\"description\":" + quote(description) + ",\"triedSolution\":" + quote(TRIED)
                + (category == null ? "" : ",\"category\":" + quote(category)) + "}";
    }

    /** What the agent tried before escalating, which every submission carries. */
    static final String TRIED = "Cliente tentou a senha anotada na documentação da emissão; tentativas esgotadas.";

    static String validLostPassword(String document) {
        return lostPasswordA1(document, "(51) 99999-0000", "(51) 3333-0000", "ti@comercio.com.br",
                "Cliente perdeu a senha de instalação do A1; tentativas esgotadas.", null);
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
