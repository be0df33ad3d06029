package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.Wording;

/**
 * The connector's sentences (why Qualitor refused, a setting it cannot read) as our own
 * {@link Text}, so a page, the API or a stored last error renders them in the reader's language; the
 * connector's bundle holds their words.
 */
public final class ConnectorText {

    private ConnectorText() {
    }

    public static Text of(QualitorException e) {
        return of(e.wording());
    }

    public static Text of(Wording w) {
        return new Text(w.key(), w.args().stream().map(a -> a instanceof Wording n ? (Object) of(n) : a).toList());
    }
}
