package eu.aifactory.server.dataset;

import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.server.transparency.TransparencyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Metadata of uploaded datasets (the {@code datasets} table the residency inventory reads). Every query takes the
 * tenant as a bound parameter, so one tenant's id never finds another tenant's dataset.
 */
public final class DatasetStore {

    private static final String SELECT = "SELECT d.id, d.project_id, d.name, d.media_type, d.size_bytes, d.sha256, "
            + "d.site_id, s.label AS site_label, d.created_at FROM datasets d JOIN sites s ON s.id = d.site_id ";

    private final Jdbi jdbi;

    public DatasetStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The site new uploads are stored at: the factory's primary site, as {@code [id, label]}. */
    public List<String> primarySite() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, label FROM sites WHERE site_role = 'primary' ORDER BY id")
                .map((rs, ctx) -> List.of(rs.getString("id"), rs.getString("label")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the sites table names no primary site")));
    }

    /**
     * One page of a tenant's datasets, newest first.
     *
     * @param projects the projects to include, or null for the whole tenant
     * @param limit    rows to return at most (a page plus one, to know whether more follow)
     */
    public List<Dataset> list(String tenantId, List<String> projects, DatasetCursor after, int limit) {
        if (projects != null && projects.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE d.tenant_id = :t");
        if (projects != null) {
            sql.append(" AND d.project_id IN (<projects>)");
        }
        if (after != null) {
            sql.append(" AND d.created_at <= :afterAt AND (d.created_at < :afterAt OR d.id < :afterId)");
        }
        sql.append(" ORDER BY d.tenant_id DESC, d.created_at DESC, d.id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("t", tenantId).bind("limit", limit);
            if (projects != null) {
                query.bindList("projects", projects);
            }
            if (after != null) {
                query.bind("afterAt", after.createdAt()).bind("afterId", after.id());
            }
            return query.map((rs, ctx) -> dataset(rs)).list();
        });
    }

    public Optional<Dataset> find(String tenantId, String datasetId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE d.tenant_id = :t AND d.id = :id")
                .bind("t", tenantId).bind("id", datasetId)
                .map((rs, ctx) -> dataset(rs))
                .findFirst());
    }

    public boolean exists(String tenantId, String projectId, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM datasets WHERE tenant_id = :t AND project_id = :p "
                        + "AND name = :name")
                .bind("t", tenantId).bind("p", projectId).bind("name", name)
                .mapTo(Integer.class).one() > 0);
    }

    /** Records an uploaded dataset and appends it to the tenant's transparency log, in one transaction. */
    public void insert(String tenantId, Dataset d) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO datasets (id, tenant_id, project_id, name, media_type, size_bytes, "
                        + "sha256, site_id, created_at) VALUES (:id, :t, :p, :name, :media, :size, :sha, :site, :at)")
                .bind("id", d.id()).bind("t", tenantId).bind("p", d.projectId()).bind("name", d.name())
                .bind("media", d.mediaType()).bind("size", d.sizeBytes()).bind("sha", d.sha256())
                .bind("site", d.siteId()).bind("at", d.createdAt().toEpochMilli())
                .execute();
            TransparencyStore.append(h, tenantId, TransparencyStore.dataset(d.id(), d.projectId(), d.siteId(), d.sha256(),
                    d.createdAt().toEpochMilli()));
        });
    }

    private static Dataset dataset(ResultSet rs) throws SQLException {
        return new Dataset(rs.getString("id"), rs.getString("project_id"), rs.getString("name"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("site_id"), rs.getString("site_label"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
