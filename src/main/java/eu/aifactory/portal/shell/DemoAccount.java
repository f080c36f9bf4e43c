package eu.aifactory.portal.shell;

import eu.aifactory.api.tenant.Role;

/**
 * A ready-made user of the embedded demo factory, shown on the sign-in page. The token is null for an account
 * remembered from an earlier start ({@link DemoFactory.Launcher#remembered()}): only the running factory hands it out.
 */
public record DemoAccount(String userId, String userName, String tenantName, Role role, String token) {

    @Override
    public String toString() {
        return "DemoAccount[" + userId + ", " + tenantName + ", " + role + "]";
    }
}
