package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.security.control.InvalidUserChangeException;
import br.com.sopdesk.security.control.UserDirectory;
import br.com.sopdesk.security.entity.UserAccount;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * User administration (role {@code admin}): list, create, change name or roles, reset the password,
 * deactivate or reactivate. Answers never carry a password or its hash; every change is audited.
 */
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class UserResource {

    @EJB
    UserDirectory users;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** An account as the API shows it. */
    public record UserView(String username, String displayName, Set<String> roles, boolean active, String createdAt) {
        static UserView of(UserAccount u) {
            return new UserView(u.getUsername(), u.getDisplayName(), u.getRoles(), u.isActive(),
                    u.getCreatedAt() == null ? null : u.getCreatedAt().toString());
        }
    }

    /** A new account. */
    public record NewUser(String username, String displayName, String password, Set<String> roles) {
    }

    /** A change: only the parts given are changed. */
    public record UserChange(String displayName, Set<String> roles, Boolean active, String password) {
    }

    @GET
    public List<UserView> all() {
        return users.all().stream().map(UserView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser user) {
        if (user == null) {
            return refused(ApiMessages.text(locale(), "user.missing"));
        }
        try {
            UserAccount created = users.create(admin(), user.username(), user.displayName(), user.password(), user.roles());
            return Response.status(201).entity(UserView.of(created)).build();
        } catch (InvalidUserChangeException e) {
            return refused(e.text().in(locale()));
        }
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("username") String username, UserChange change) {
        if (change == null) {
            return refused(ApiMessages.text(locale(), "user.change.missing"));
        }
        try {
            UserAccount changed = users.change(admin(), username, change.displayName(), change.roles(), change.active(), change.password());
            return Response.ok(UserView.of(changed)).build();
        } catch (InvalidUserChangeException e) {
            return e.unknownUser()
                    ? Response.status(404).entity(Map.of("message", e.text().in(locale()))).build()
                    : refused(e.text().in(locale()));
        }
    }

    private static Response refused(String message) {
        return Response.status(422).entity(Map.of("message", message)).build();
    }

    private Locale locale() {
        return ApiErrors.locale(headers);
    }

    private String admin() {
        return security.getUserPrincipal().getName();
    }
}
