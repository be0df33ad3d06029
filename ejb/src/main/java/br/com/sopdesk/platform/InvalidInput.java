package br.com.sopdesk.platform;

/**
 * A value an entity or service refuses, saying why in words a person reads (the API answers it as
 * 422, a page as a message). An {@link IllegalArgumentException}, so callers that catch those keep
 * working.
 */
public class InvalidInput extends IllegalArgumentException implements UserFacing {

    private static final long serialVersionUID = 1L;

    private final Text text;

    public InvalidInput(Text text) {
        super(text.toString());
        this.text = text;
    }

    public InvalidInput(String key, Object... args) {
        this(Text.of(key, args));
    }

    @Override
    public Text text() {
        return text;
    }
}
