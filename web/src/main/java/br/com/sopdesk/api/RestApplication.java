package br.com.sopdesk.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API at {@code /sopdesk/api/}; administration under {@code /sopdesk/api/admin/}. HTTP Basic, same users as the pages. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
