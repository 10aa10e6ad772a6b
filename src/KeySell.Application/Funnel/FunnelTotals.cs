using System.Globalization;
using KeySell.Application.Data;
using KeySell.Application.Data.Sql;
using KeySell.Domain.Common;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Funnel;

/// <summary>
/// The running totals per (owner, level, currency) the database keeps beside the deals (<see cref="FunnelTotalsSql"/>,
/// decision 0022). They answer for a set of owners exactly what a scan of those owners' live deals would — but only when
/// the caller may read every deal of those owners: their own (<c>me</c>), a team they are in (a member reads the deals of
/// every member's colleague), or anyone's for an admin. <c>all</c> for anyone else is "what I may read" — shares,
/// account teams — which only the access rules over the deals themselves can answer.
/// </summary>
public static class FunnelTotals
{
    /// <summary>One owner's figures at one level in one currency, as the database keeps them.</summary>
    /// <param name="Currency">Null for deals without a currency.</param>
    /// <param name="AmountCents">Σ amount in cents, in the deals' own currency.</param>
    public sealed record Group(FunnelLevel Level, string? Currency, long Deals, long Priced, decimal AmountCents, long Premature);

    /// <summary>Whether the totals can stand for the scope's deals under the caller's access rules.</summary>
    public static bool CanAnswer(AppDbContext db, ScopedOwners owners) => owners.ColleagueIds is not null || db.CallerIsAdmin;

    /// <summary>
    /// The figures of the scope's owners (narrowed to <paramref name="ownerId"/> when given), one row per owner, level and
    /// currency; null when <see cref="CanAnswer"/> says the totals cannot stand for the scope.
    /// </summary>
    public static async Task<IReadOnlyList<Group>?> ReadAsync(AppDbContext db, ScopedOwners owners, Guid? ownerId, CancellationToken ct)
    {
        if (!CanAnswer(db, owners)) return null;
        var ids = owners.ColleagueIds?.ToArray();
        if (ownerId is { } owner) ids = ids is null || ids.Contains(owner) ? [owner] : [];
        if (ids is { Length: 0 }) return [];

        var read = await Rows(db, ids).ToListAsync(ct);
        return
        [
            .. read.Select(r => new Group(
                MethodIds.Parse<FunnelLevel>(r.FunnelLevel), r.Currency.Length == 0 ? null : r.Currency,
                r.Deals, r.Priced, decimal.Parse(r.AmountCents, NumberStyles.Float, CultureInfo.InvariantCulture), r.Premature)),
        ];
    }

    /// <summary>
    /// How many open deals (universe to best few) the scope's owners have — the work queue's total — summed by the
    /// database; null when <see cref="CanAnswer"/> says the totals cannot stand for the scope.
    /// </summary>
    public static async Task<long?> OpenDealsAsync(AppDbContext db, ScopedOwners owners, CancellationToken ct)
    {
        if (!CanAnswer(db, owners)) return null;
        var ids = owners.ColleagueIds?.ToArray();
        if (ids is { Length: 0 }) return 0;
        var won = MethodIds.ToId(FunnelLevel.Won);
        var lost = MethodIds.ToId(FunnelLevel.Lost);
        return await Rows(db, ids).Where(r => r.FunnelLevel != won && r.FunnelLevel != lost).SumAsync(r => r.Deals, ct);
    }

    /// <summary>The totals of some owners (all when <paramref name="ids"/> is null), composable by EF.</summary>
    private static IQueryable<Row> Rows(AppDbContext db, Guid[]? ids)
    {
        // The amount as text: exact whatever each provider keeps it as (a SQLite integer, a PostgreSQL numeric).
        var rows = db.Database.SqlQueryRaw<Row>(
            $"""
            SELECT "OwnerId", "FunnelLevel", "Currency", "Deals", "Priced", CAST("AmountCents" AS TEXT) AS "AmountCents", "Premature"
            FROM "{FunnelTotalsSql.Table}"
            """);
        return ids is null ? rows : rows.Where(r => ids.Contains(r.OwnerId));
    }

    /// <summary>A row as read; EF materialises it by column name.</summary>
    private sealed class Row
    {
        public Guid OwnerId { get; init; }
        public string FunnelLevel { get; init; } = "";
        public string Currency { get; init; } = "";
        public long Deals { get; init; }
        public long Priced { get; init; }
        public string AmountCents { get; init; } = "0";
        public long Premature { get; init; }
    }
}
