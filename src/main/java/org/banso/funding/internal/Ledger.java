package org.banso.funding.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banso.funding.FundId;
import org.banso.funding.FundingViews.Balance;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.ProjectId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The double-entry ledger (R2). Callers hold the lock of every account's owner (the fund row for APPROPRIATIONS and
 * AVAILABLE, the project row for project accounts) before posting, so running balances are computed without races.
 */
@Component
class Ledger {

    enum AccountKind {
        APPROPRIATIONS('C'), AVAILABLE('D'), PROJECT_ALLOCATED('D'), PROJECT_DISBURSED('D');

        final char normal;

        AccountKind(char normal) {
            this.normal = normal;
        }
    }

    record Account(UUID id, AccountKind kind, char normal) {
    }

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void openFundAccounts(FundId fund) {
        open(fund, null, AccountKind.APPROPRIATIONS);
        open(fund, null, AccountKind.AVAILABLE);
    }

    void openProjectAccounts(FundId fund, ProjectId project) {
        open(fund, project, AccountKind.PROJECT_ALLOCATED);
        open(fund, project, AccountKind.PROJECT_DISBURSED);
    }

    private void open(FundId fund, ProjectId project, AccountKind kind) {
        jdbc.sql("insert into funding_account (id, fund_id, project_id, kind, normal) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), fund.value(), project == null ? null : project.value(), kind.name(),
                        String.valueOf(kind.normal))
                .update();
    }

    void lockFund(FundId fund) {
        jdbc.sql("select id from funding_fund where id = ? for update").param(fund.value()).query(UUID.class)
                .optional().orElseThrow(() -> BansoException.notFound("The fund"));
    }

    void lockProject(ProjectId project) {
        jdbc.sql("select id from funding_project where id = ? for update").param(project.value()).query(UUID.class)
                .optional().orElseThrow(() -> BansoException.notFound("The project"));
    }

    Account account(FundId fund, ProjectId project, AccountKind kind) {
        return jdbc.sql("""
                        select id, kind, normal from funding_account
                        where fund_id = ? and project_id is not distinct from ? and kind = ?""")
                .params(fund.value(), project == null ? null : project.value(), kind.name())
                .query((rs, n) -> new Account(rs.getObject("id", UUID.class), AccountKind.valueOf(rs.getString("kind")),
                        rs.getString("normal").charAt(0)))
                .single();
    }

    private Account account(UUID id) {
        return jdbc.sql("select id, kind, normal from funding_account where id = ?").param(id)
                .query((rs, n) -> new Account(rs.getObject("id", UUID.class), AccountKind.valueOf(rs.getString("kind")),
                        rs.getString("normal").charAt(0)))
                .single();
    }

    /** The running balance of an account: its latest line (an index-only lookup), 0 without lines. */
    long balance(UUID account) {
        return jdbc.sql("""
                        select balance_after from funding_ledger_line where account_id = ?
                        order by entry_seq desc limit 1""")
                .param(account).query(Long.class).optional().orElse(0L);
    }

    /** The balance recomputed from the entries alone (for verification): natural-side SUM of the amounts. */
    long balanceBySum(UUID account) {
        return jdbc.sql("""
                        select coalesce(sum(case when l.side = a.normal then e.amount else -e.amount end), 0)
                        from funding_ledger_line l
                        join funding_ledger_entry e on e.seq = l.entry_seq
                        join funding_account a on a.id = l.account_id
                        where l.account_id = ?""")
                .param(account).query(Long.class).single();
    }

    Balance fundBalance(FundId fund) {
        Map<String, Long> byKind = jdbc.sql("""
                        select a.kind, sum(coalesce((select l.balance_after from funding_ledger_line l
                                                     where l.account_id = a.id
                                                     order by l.entry_seq desc limit 1), 0)) as balance
                        from funding_account a where a.fund_id = ? group by a.kind""")
                .param(fund.value())
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getLong("balance"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long disbursed = byKind.getOrDefault("PROJECT_DISBURSED", 0L);
        return new Balance(byKind.getOrDefault("APPROPRIATIONS", 0L),
                byKind.getOrDefault("PROJECT_ALLOCATED", 0L) + disbursed, disbursed,
                byKind.getOrDefault("AVAILABLE", 0L));
    }

    /**
     * Posts {@code amount} from {@code credit} to {@code debit}; {@code insufficient-funds} if either account would
     * end below zero in its natural sense. The caller holds the owners' locks.
     */
    LedgerEntry post(FundId fund, EntryKind kind, long amount, ProjectId project, UUID reverses, Account debit,
                     Account credit, String memo, UserId actor, Instant now) {
        if (amount <= 0) {
            throw BansoException.invalidCoded("amount", "positive", "must be a positive number of yen");
        }
        long debitAfter = Math.addExact(balance(debit.id()), debit.normal() == 'D' ? amount : -amount);
        long creditAfter = Math.addExact(balance(credit.id()), credit.normal() == 'C' ? amount : -amount);
        if (debitAfter < 0 || creditAfter < 0) {
            Account short_ = creditAfter < 0 ? credit : debit;
            throw new BansoException(ProblemCode.INSUFFICIENT_FUNDS,
                    "The " + short_.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " account holds less than " + amount + " yen.");
        }
        UUID id = UUID.randomUUID();
        long seq = jdbc.sql("""
                        insert into funding_ledger_entry (id, fund_id, kind, amount, project_id, reverses, memo,
                                                          recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning seq""")
                .params(id, fund.value(), kind.name(), amount, project == null ? null : project.value(), reverses,
                        memo == null ? "" : memo, actor.value(), Timestamp.from(now))
                .query(Long.class).single();
        jdbc.sql("""
                        insert into funding_ledger_line (entry_seq, side, account_id, balance_after)
                        values (?, 'D', ?, ?), (?, 'C', ?, ?)""")
                .params(seq, debit.id(), debitAfter, seq, credit.id(), creditAfter)
                .update();
        return new LedgerEntry(id, seq, fund, kind, amount, project, reverses, label(debit), label(credit),
                memo == null ? "" : memo, actor, now);
    }

    private static String label(Account account) {
        return account.kind().name();
    }

    /** The accounts an entry debited and credited: [debit, credit]. */
    List<Account> sides(long seq) {
        UUID debit = jdbc.sql("select account_id from funding_ledger_line where entry_seq = ? and side = 'D'")
                .param(seq).query(UUID.class).single();
        UUID credit = jdbc.sql("select account_id from funding_ledger_line where entry_seq = ? and side = 'C'")
                .param(seq).query(UUID.class).single();
        return List.of(account(debit), account(credit));
    }

    static final String ENTRY_SELECT = """
            select e.seq, e.id, e.fund_id, e.kind, e.amount, e.project_id, e.reverses, e.memo, e.recorded_by,
                   e.recorded_at,
                   (select a.kind from funding_ledger_line l join funding_account a on a.id = l.account_id
                    where l.entry_seq = e.seq and l.side = 'D') as debit_account,
                   (select a.kind from funding_ledger_line l join funding_account a on a.id = l.account_id
                    where l.entry_seq = e.seq and l.side = 'C') as credit_account
            from funding_ledger_entry e""";

    static LedgerEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID project = rs.getObject("project_id", UUID.class);
        return new LedgerEntry(rs.getObject("id", UUID.class), rs.getLong("seq"),
                new FundId(rs.getObject("fund_id", UUID.class)), EntryKind.valueOf(rs.getString("kind")),
                rs.getLong("amount"), project == null ? null : new ProjectId(project),
                rs.getObject("reverses", UUID.class), rs.getString("debit_account"), rs.getString("credit_account"),
                rs.getString("memo"), new UserId(rs.getObject("recorded_by", UUID.class)),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
