package eu.aifactory.portal.catalog;

import impl.org.controlsfx.skin.GridViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import org.controlsfx.control.GridView;

/**
 * ControlsFX's grid skin, minus its habit of throwing away and re-creating every row and tile whenever the number
 * of rows changes, which is on nearly every keystroke of a search. Here the rows stay and re-index themselves
 * (each row re-binds its tiles to the new items), as a ListView does; and as all rows are equally tall the flow
 * gets a fixed row height instead of measuring rows. That keeps a keystroke within a frame with a thousand
 * applications. Depends on {@code GridViewSkin}'s protected API of ControlsFX 11.2, which the portal
 * reaches on the class path (the package is not exported to named modules).
 */
final class CatalogGridSkin<T> extends GridViewSkin<T> {

    CatalogGridSkin(GridView<T> grid) {
        super(grid);
        // All rows are equally tall, so the flow need not measure rows to estimate its scroll range.
        getVirtualFlow().fixedCellSizeProperty().bind(
                grid.cellHeightProperty().add(grid.verticalCellSpacingProperty().multiply(2)));
    }

    @Override
    protected void updateItemCount() {
        VirtualFlow<?> flow = getVirtualFlow();
        if (flow == null) {
            return;
        }
        int rows = getItemCount();
        if (flow.getCellCount() != rows) {
            flow.setCellCount(rows);
        }
        updateRows(rows);
        getSkinnable().requestLayout();
    }
}
