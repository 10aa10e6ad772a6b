using KeySell.Application.Data;
using KeySell.Application.Money;
using KeySell.Domain.Money;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Quotas;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Quotas;

/// <summary>
/// One seller's figures for a period (contract: quota and coverage): the quota, Σ won, Σ weighted
/// open pipeline, coverage (two decimals) and gap. Quota, coverage and gap are null without a quota.
/// </summary>
public sealed record MemberCoverage(string UserId, Guid? ColleagueId, decimal? Quota, decimal Won, decimal Weighted, decimal? Coverage, decimal? Gap);

/// <summary>
/// The one home of the funnel principle's figures, for the coverage page, the API, the CLI and the
/// manager's review. Every figure covers only the deals the caller may read (the access filters
/// apply to every query here), amounts are in the base currency and deals whose currency has no
/// rate are left out of every sum (and counted as unconverted).
/// </summary>
/// <remarks>
/// "The team's opportunities" behind a user's win rates are the deals owned by the members of every
/// team the user belongs to (the user included); a user in no team is measured against every deal
/// (the caller may read). A deal is closed in the window when its funnel history moved it to the
/// level it is at now (won or lost) in the last 365 days; it reached a level when its history ever
/// moved it to that level (decision 0020).
/// </remarks>
public static class CoverageFigures
{
    public const int WindowDays = 365;

    /// <summary>One row per user id given (in that order); Quota/Coverage/Gap null when the user has no quota for the period.</summary>
    public static async Task<IReadOnlyList<MemberCoverage>> ForMembersAsync(this AppDbContext db, IReadOnlyList<string> userIds, QuotaPeriod period, CancellationToken ct)
    {
        var figures = await db.FiguresAsync(userIds, period, ct);
        return [.. figures.Select(f => f.Member)];
    }

    /// <summary>Everything the coverage of each user needs, computed once per team and per query.</summary>
    internal static async Task<IReadOnlyList<SellerFigures>> FiguresAsync(this AppDbContext db, IReadOnlyList<string> userIds, QuotaPeriod period, CancellationToken ct)
    {
        var money = await db.ReadExchangeRatesAsync(ct);
        var defaults = await db.ReadDefaultWinRatesAsync(ct);
        var since = db.Time.GetUtcNow().AddDays(-WindowDays);
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();

        var colleagues = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.ColleagueId }).ToDictionaryAsync(u => u.Id, u => u.ColleagueId, StringComparer.Ordinal, ct);
        var quotas = await db.Quotas.AsNoTracking().Where(q => ids.Contains(q.UserId) && q.Period == period.Text)
            .ToDictionaryAsync(q => q.UserId, q => q.Amount, StringComparer.Ordinal, ct);
        var pipelines = await db.PipelinesAsync([.. colleagues.Values.OfType<Guid>().Distinct()], period, money, ct);
        var teamsOf = (await db.TeamMembers.Where(m => ids.Contains(m.UserId)).Select(m => new { m.UserId, m.TeamId }).ToListAsync(ct))
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Select(m => m.TeamId).Order().ToList(), StringComparer.Ordinal);

        var ratesByTeams = new Dictionary<string, TeamWinRates>(StringComparer.Ordinal);
        var rows = new List<SellerFigures>(userIds.Count);
        foreach (var userId in userIds)
        {
            var teams = teamsOf.GetValueOrDefault(userId) ?? [];
            var key = string.Join(',', teams);
            if (!ratesByTeams.TryGetValue(key, out var rates))
                ratesByTeams[key] = rates = await db.TeamWinRatesAsync(teams, defaults, since, ct);

            var colleague = colleagues.GetValueOrDefault(userId);
            var pipeline = colleague is { } c && pipelines.TryGetValue(c, out var p) ? p : Pipeline.Empty;
            var weighted = CoverageFormula.Weighted(pipeline.Open.Select(o => (o.Key, o.Value)), rates.Rates);
            decimal? quota = quotas.TryGetValue(userId, out var q) ? q : null;
            var member = new MemberCoverage(userId, colleague, quota, pipeline.Won, weighted,
                quota is { } a ? CoverageFormula.Coverage(a, pipeline.Won, weighted) : null,
                quota is { } b ? CoverageFormula.Gap(b, pipeline.Won, weighted) : null);
            rows.Add(new SellerFigures(member, rates, pipeline.Unconverted, money.BaseCurrency));
        }
        return rows;
    }

    /// <summary>
    /// Σ won and Σ open amount per level of each colleague's deals closing inside the period, summed
    /// by the database per currency and converted here (Σ amount × rate = rate × Σ amount).
    /// </summary>
    private static async Task<Dictionary<Guid, Pipeline>> PipelinesAsync(this AppDbContext db, List<Guid> colleagueIds, QuotaPeriod period, ExchangeRates money, CancellationToken ct)
    {
        if (colleagueIds.Count == 0) return [];
        var (first, last) = (period.First, period.Last);
        var sums = await db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId != null && colleagueIds.Contains(o.OwnerId.Value)
                && o.Objective.CloseDate >= first && o.Objective.CloseDate <= last && o.Objective.Amount != null
                && (o.FunnelLevel == FunnelLevel.Won || o.FunnelLevel == FunnelLevel.Above || o.FunnelLevel == FunnelLevel.In || o.FunnelLevel == FunnelLevel.BestFew))
            .GroupBy(o => new { Owner = o.OwnerId!.Value, o.FunnelLevel, o.Objective.Currency })
            .Select(g => new { g.Key.Owner, g.Key.FunnelLevel, g.Key.Currency, Amount = g.Sum(o => o.Objective.Amount!.Value), Count = g.Count() })
            .ToListAsync(ct);

        var pipelines = new Dictionary<Guid, Pipeline>();
        foreach (var sum in sums)
        {
            var pipeline = pipelines.TryGetValue(sum.Owner, out var known) ? known : pipelines[sum.Owner] = new Pipeline();
            if (money.ToBase(sum.Amount, sum.Currency) is not { } amount) { pipeline.Unconverted += sum.Count; continue; }
            if (sum.FunnelLevel == FunnelLevel.Won) pipeline.Won += amount;
            else pipeline.Open[sum.FunnelLevel] = pipeline.Open.GetValueOrDefault(sum.FunnelLevel) + amount;
        }
        return pipelines;
    }

    /// <summary>
    /// The win rate of each level from the team's deals closed in the window that ever reached it,
    /// or the default where fewer than <see cref="ClosedRecord.Enough"/> did. One grouped query:
    /// at most sixteen rows (won or lost × reached each of three levels).
    /// </summary>
    private static async Task<TeamWinRates> TeamWinRatesAsync(this AppDbContext db, List<Guid> teams, WinRates defaults, DateTimeOffset since, CancellationToken ct)
    {
        var deals = db.Opportunities.AsNoTracking();
        if (teams.Count > 0)
        {
            var owners = db.TeamMembers.Where(m => teams.Contains(m.TeamId))
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.ColleagueId)
                .Where(c => c != null).Select(c => c!.Value);
            deals = deals.Where(o => o.OwnerId != null && owners.Contains(o.OwnerId.Value));
        }
        var closed = await deals
            .Where(o => (o.FunnelLevel == FunnelLevel.Won || o.FunnelLevel == FunnelLevel.Lost)
                && db.FunnelChanges.Any(c => c.OpportunityId == o.Id && c.To == o.FunnelLevel && c.At >= since))
            .Select(o => new
            {
                Won = o.FunnelLevel == FunnelLevel.Won,
                Above = db.FunnelChanges.Any(c => c.OpportunityId == o.Id && c.To == FunnelLevel.Above),
                In = db.FunnelChanges.Any(c => c.OpportunityId == o.Id && c.To == FunnelLevel.In),
                BestFew = db.FunnelChanges.Any(c => c.OpportunityId == o.Id && c.To == FunnelLevel.BestFew),
            })
            .GroupBy(d => new { d.Won, d.Above, d.In, d.BestFew })
            .Select(g => new { g.Key.Won, g.Key.Above, g.Key.In, g.Key.BestFew, Count = g.Count() })
            .ToListAsync(ct);

        ClosedRecord Reached(Func<bool, bool, bool, bool> reached) => new(
            closed.Where(g => g.Won && reached(g.Above, g.In, g.BestFew)).Sum(g => g.Count),
            closed.Where(g => !g.Won && reached(g.Above, g.In, g.BestFew)).Sum(g => g.Count));
        return TeamWinRates.From(defaults,
            Reached((above, _, _) => above), Reached((_, @in, _) => @in), Reached((_, _, bestFew) => bestFew));
    }

    /// <summary>
    /// The typical deal of a seller: the median base-currency amount of their deals won in the
    /// window (by the date of the move to won in the funnel history), else of their open deals,
    /// else null. Deals without an amount, and unconverted ones, are left out.
    /// </summary>
    internal static async Task<decimal?> TypicalDealAsync(this AppDbContext db, Guid? colleagueId, CancellationToken ct)
    {
        if (colleagueId is not { } owner) return null;
        var money = await db.ReadExchangeRatesAsync(ct);
        var since = db.Time.GetUtcNow().AddDays(-WindowDays);
        var mine = db.Opportunities.AsNoTracking().Where(o => o.OwnerId == owner && o.Objective.Amount != null);

        var won = await mine.Where(o => o.FunnelLevel == FunnelLevel.Won
                && db.FunnelChanges.Any(c => c.OpportunityId == o.Id && c.To == FunnelLevel.Won && c.At >= since))
            .Select(o => new { Amount = o.Objective.Amount!.Value, o.Objective.Currency }).ToListAsync(ct);
        var amounts = Converted(won.Select(d => (d.Amount, d.Currency)));
        if (amounts.Count == 0)
        {
            var open = await mine.Where(o => o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost)
                .Select(o => new { Amount = o.Objective.Amount!.Value, o.Objective.Currency }).ToListAsync(ct);
            amounts = Converted(open.Select(d => (d.Amount, d.Currency)));
        }
        return CoverageFormula.Median(amounts);

        List<decimal> Converted(IEnumerable<(decimal Amount, string? Currency)> deals) =>
            [.. deals.Select(d => money.ToBase(d.Amount, d.Currency)).OfType<decimal>()];
    }

    internal sealed class Pipeline
    {
        public static readonly Pipeline Empty = new();

        public decimal Won { get; set; }
        public Dictionary<FunnelLevel, decimal> Open { get; } = [];
        public int Unconverted { get; set; }
    }
}

/// <summary>A seller's coverage with what it was computed from: the win rates and the deals left out.</summary>
internal sealed record SellerFigures(MemberCoverage Member, TeamWinRates Rates, int Unconverted, string BaseCurrency);

/// <summary>The win rates in use for a team, and for each level whether the team's history or the default set it.</summary>
public sealed record TeamWinRates(WinRates Rates, ClosedRecord Above, ClosedRecord In, ClosedRecord BestFew)
{
    public static TeamWinRates From(WinRates defaults, ClosedRecord above, ClosedRecord @in, ClosedRecord bestFew) =>
        new(new WinRates(above.RateOr(defaults.Above), @in.RateOr(defaults.In), bestFew.RateOr(defaults.BestFew)), above, @in, bestFew);

    /// <summary>
    /// <c>history</c> when every level's rate comes from the team's closed deals; <c>defaults</c>
    /// when any level still uses its default (each level says which in <see cref="FromHistory"/>).
    /// </summary>
    public string RatesFrom => Above.IsEnough && In.IsEnough && BestFew.IsEnough ? "history" : "defaults";

    public bool FromHistory(FunnelLevel level) => level switch
    {
        FunnelLevel.Above => Above.IsEnough,
        FunnelLevel.In => In.IsEnough,
        FunnelLevel.BestFew => BestFew.IsEnough,
        _ => false,
    };
}
