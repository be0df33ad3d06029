package br.com.sopdesk.platform;

/**
 * A request an entity's state does not allow (sending again a ticket already in Qualitor),
 * saying why in words a person reads. An {@link IllegalStateException}, so callers that catch
 * those keep working; a service turns it into its own refusal with {@link UserFacing#textOf}.
 */
public class InvalidState extends IllegalStateException implements UserFacing {

    private static final long serialVersionUID = 1L;

    private final Text text;

    public InvalidState(Text text) {
        super(text.toString());
        this.text = text;
    }

    public InvalidState(String key, Object... args) {
        this(Text.of(key, args));
    }

    @Override
    public Text text() {
        return text;
    }
}
