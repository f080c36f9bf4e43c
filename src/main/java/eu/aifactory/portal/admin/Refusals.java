package eu.aifactory.portal.admin;

import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.RefusalText;
import eu.aifactory.portal.i18n.I18n;

/** How the admin pages say that an action failed: unreachable, not allowed, or refused with the factory's reason. */
final class Refusals {

    private Refusals() {
    }

    static String describe(Throwable failure, I18n i18n) {
        if (failure instanceof FactoryUnreachableException) {
            return i18n.get("admin.error.unreachable");
        }
        if (failure instanceof ApiException api) {
            return i18n.get(api.status() == 403 ? "admin.error.forbidden" : "admin.error.refused",
                    RefusalText.of(api.problem(), i18n));
        }
        String message = failure.getMessage();
        return i18n.get("admin.error.refused",
                message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }
}
