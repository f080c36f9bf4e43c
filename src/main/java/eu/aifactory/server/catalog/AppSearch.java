package eu.aifactory.server.catalog;

import java.util.List;

public record AppSearch(List<String> terms, String category, String vendor, String gpuClass, String tag,
                        AppSort sort, int limit, AppCursor after) {
}
