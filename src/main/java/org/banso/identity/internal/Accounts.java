package org.banso.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

    private static final String SELECT = """
            select a.*, coalesce(string_agg(r.role, ',' order by r.role), '') as roles
            from identity_account a left join identity_account_role r on r.account_id = a.id
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account with its password hash: only for authentication, never handed out of this module. */
    record Account(UserView view, String passwordHash, int credentialsVersion) {
    }

    void insert(UserView user, String passwordHash) {
        jdbc.sql("""
                insert into identity_account (id, username, display_name, email, organization_id, password_hash,
                                              enabled, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.id().value(), user.username(), user.displayName(), user.email(),
                        user.organizationId() == null ? null : user.organizationId().value(), passwordHash,
                        user.enabled(), Timestamp.from(user.createdAt()))
                .update();
        replaceRoles(user.id(), user.roles());
    }

    void replaceRoles(UserId id, Set<Role> roles) {
        jdbc.sql("delete from identity_account_role where account_id = ?").param(id.value()).update();
        for (Role role : roles) {
            jdbc.sql("insert into identity_account_role (account_id, role) values (?, ?)")
                    .params(id.value(), role.name()).update();
        }
    }

    void setEnabled(UserId id, boolean enabled) {
        jdbc.sql("update identity_account set enabled = ? where id = ?").params(enabled, id.value()).update();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from identity_account where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = ? group by a.id").param(username)
                .query((rs, n) -> new Account(map(rs, n), rs.getString("password_hash"),
                        rs.getInt("credentials_version"))).optional();
    }

    /** The enabled accounts with this address (compared without case). */
    List<UserView> enabledByEmail(String email) {
        return jdbc.sql(SELECT + " where lower(a.email) = lower(?) and a.enabled group by a.id").param(email)
                .query(Accounts::map).list();
    }

    Optional<Account> accountById(UserId id) {
        return jdbc.sql(SELECT + " where a.id = ? group by a.id").param(id.value())
                .query((rs, n) -> new Account(map(rs, n), rs.getString("password_hash"),
                        rs.getInt("credentials_version"))).optional();
    }

    /** What page sessions are checked against (see {@link AccountStates}). */
    Optional<AccountStates.State> state(UserId id) {
        return jdbc.sql(SELECT + " where a.id = ? group by a.id").param(id.value())
                .query((rs, n) -> new AccountStates.State(map(rs, n).asPrincipal(), rs.getBoolean("enabled"),
                        rs.getInt("credentials_version"))).optional();
    }

    /**
     * Sets a new password hash and moves the credentials version on, if the account's credentials are still at
     * {@code expectedVersion}; answers the new version, or empty when they changed meanwhile.
     */
    Optional<Integer> changePassword(UserId id, int expectedVersion, String passwordHash) {
        return jdbc.sql("""
                        update identity_account set password_hash = ?, credentials_version = credentials_version + 1
                        where id = ? and credentials_version = ? returning credentials_version""")
                .params(passwordHash, id.value(), expectedVersion).query(Integer.class).optional();
    }

    Optional<UserView> byId(UserId id) {
        return jdbc.sql(SELECT + " where a.id = ? group by a.id").param(id.value()).query(Accounts::map).optional();
    }

    List<UserView> enabledOf(OrganizationId organization) {
        return jdbc.sql(SELECT + " where a.organization_id = ? and a.enabled group by a.id order by a.username")
                .param(organization.value()).query(Accounts::map).list();
    }

    List<UserView> all() {
        return jdbc.sql(SELECT + " group by a.id order by a.username").query(Accounts::map).list();
    }

    static UserView map(ResultSet rs, int row) throws SQLException {
        UUID org = rs.getObject("organization_id", UUID.class);
        String roles = rs.getString("roles");
        Set<Role> roleSet = roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserView(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), org == null ? null : new OrganizationId(org),
                roleSet, rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
