package eu.aifactory.portal.common;

/** Builds a page for a signed-in session; registered in the composition root under a {@link Page} id. */
@FunctionalInterface
public interface PageFactory {

    Page create(PageContext context);
}
