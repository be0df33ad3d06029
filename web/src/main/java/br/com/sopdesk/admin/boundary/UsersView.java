package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.security.control.InvalidUserChangeException;
import br.com.sopdesk.security.control.UserDirectory;
import br.com.sopdesk.security.entity.UserAccount;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Binds the users page: the accounts (read when the page opens and after each change), a new account, and changing the one being edited. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    UserDirectory users;

    private String newUsername;
    private String newDisplayName;
    private String newPassword;
    private List<String> newRoles = new ArrayList<>(List.of("agent"));

    private String editing;
    private String displayName;
    private List<String> roles = new ArrayList<>();
    private boolean active;
    private String password;
    // entities, not serializable: what the last reading found, for this view only
    private transient List<UserAccount> accounts = List.of();

    @PostConstruct
    void load() {
        accounts = users.all();
    }

    public List<UserAccount> getAccounts() {
        return accounts;
    }

    public void create() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            UserAccount created = users.create(faces.getExternalContext().getRemoteUser(), newUsername, newDisplayName, newPassword, new HashSet<>(newRoles));
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "users.created"), created.getUsername())));
            newUsername = null;
            newDisplayName = null;
            newPassword = null;
            newRoles = new ArrayList<>(List.of("agent"));
            load();
        } catch (InvalidUserChangeException e) {
            refuse(faces, e);
        }
    }

    public void edit(UserAccount account) {
        editing = account.getUsername();
        displayName = account.getDisplayName();
        roles = new ArrayList<>(account.getRoles());
        active = account.isActive();
        password = null;
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            users.change(faces.getExternalContext().getRemoteUser(), editing, displayName, new HashSet<>(roles), active,
                    password == null || password.isEmpty() ? null : password);
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "users.saved"), editing)));
            editing = null;
            password = null;
            load();
        } catch (InvalidUserChangeException e) {
            refuse(faces, e);
        }
    }

    public void cancel() {
        editing = null;
        password = null;
    }

    private static void refuse(FacesContext faces, InvalidUserChangeException e) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.text().in(faces.getViewRoot().getLocale()), null));
        faces.validationFailed();
    }

    private static String text(FacesContext faces, String key) {
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    public List<String> getAllRoles() {
        return List.of("agent", "supervisor", "admin");
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }

    public String getEditing() {
        return editing;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
