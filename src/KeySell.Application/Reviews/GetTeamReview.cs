using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Funnel;
using KeySell.Application.History;
using KeySell.Application.Money;
using KeySell.Application.Quotas;
using KeySell.Application.Resources;
using KeySell.Domain.Money;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RedFlags;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Reviews;

/// <summary>
/// The manager's review of one team (funnel contract, "The manager's review"; METHODOLOGY §9): per
/// member the open pipeline, premature and stale deals, and the quota coverage of the period (from
/// <see cref="CoverageFigures"/>); across the team the red flags counted by
/// rule (which weakness is systematic), the ten riskiest open deals, and per open deal how much
/// changed since its last review. Only the team's managers and admins may open it (decision 0021).
/// Every figure is over the open deals (not won, not lost) owned by the team's members that the
/// caller may read; amounts are in the base currency, an unconverted amount is counted, never summed.
/// </summary>
/// <remarks>
/// A fixed number of queries whatever the team owns: the team and its members, one streamed pass
/// over the open deals with their stored summaries (the flags are one JSON text per deal, so they
/// are counted as they stream by instead of with each database's own JSON functions), the names of
/// the ten riskiest, the members' coverage (<see cref="CoverageFigures.ForMembersAsync"/>, bounded
/// by the number of members and teams, not deals), and one page of the deals with their change counts (correlated counts on the
/// history's (OpportunityId, Id) index and the reviews' (OpportunityId, At) index).
/// </remarks>
public static class GetTeamReview
{
    public const int RiskiestCount = 10;

    /// <param name="Period">The quota period of the coverage columns (<c>2027</c> or <c>2027-Q1</c>); none means the current quarter.</param>
    public sealed record Query(Guid TeamId, string? Period, PageRequest Page);

    /// <param name="Open">Open deals the member owns.</param>
    /// <param name="OpenAmount">Their amounts in the base currency, unconverted ones left out.</param>
    /// <param name="Unconverted">Open deals whose amount has no rate to the base currency.</param>
    /// <param name="Premature">Open deals placed above what their sheet supports (stored summary).</param>
    /// <param name="Stale">Open deals with no contact in the stale period: the stored summary's <c>stale</c> flag.</param>
    /// <param name="Quota">The member's quota for the period; null without one (coverage and gap are then null too).</param>
    /// <param name="Won">Σ won, <paramref name="Weighted"/> Σ amount × win rate of the open deals, both closing in the period; coverage = (won + weighted) / quota.</param>
    public sealed record Member(string UserId, Guid? ColleagueId, string Name, bool Manager,
        int Open, decimal OpenAmount, int Unconverted, int Premature, int Stale,
        decimal? Quota, decimal Won, decimal Weighted, decimal? Coverage, decimal? Gap);

    /// <param name="Flags">Flags raised by the rule across the team's open deals (a rule about an influence counts once per influence).</param>
    /// <param name="Deals">Open deals with at least one flag of the rule.</param>
    public sealed record RuleCount(string Rule, RedFlagSeverity Severity, int Flags, int Deals);

    /// <param name="Risk">Critical flags × amount in the base currency.</param>
    public sealed record RiskyDeal(Guid Id, string Name, Guid AccountId, string AccountName, string? OwnerName, FunnelLevel Level,
        decimal Amount, string Currency, decimal AmountInBase, int Critical, decimal Risk);

    /// <param name="ChangesSinceReview">History lines of the deal (its fields, influences, lists and shares) after its latest review; all of them when it was never reviewed.</param>
    public sealed record DealChanges(Guid Id, string Name, Guid AccountId, string AccountName, string? OwnerName, FunnelLevel Level,
        DateTimeOffset? LastReviewedAt, int ChangesSinceReview);

    public sealed record Answer(Guid TeamId, string TeamName, string Period, string BaseCurrency, int Unconverted,
        IReadOnlyList<Member> Members, IReadOnlyList<RuleCount> RedFlags, IReadOnlyList<RiskyDeal> Riskiest, Paged<DealChanges> Deals);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Answer>> Handle(Query query, CancellationToken ct)
        {
            var period = string.IsNullOrWhiteSpace(query.Period) ? QuotaPeriod.CurrentQuarter(db.Time) : QuotaPeriod.Parse(query.Period);
            if (period.Error is { } badPeriod) return badPeriod;
            var resolved = await db.ResolveAsync(PipelineScope.Team(query.TeamId), ct);
            if (resolved.Error is { } refused) return refused;
            if (!db.CallerIsAdmin && !await db.TeamMembers.AnyAsync(m => m.TeamId == query.TeamId && m.UserId == db.CallerUserId && m.Manager, ct))
                return Error.Forbidden(Messages.Format("TeamReview.ManagersOnly"));
            var owners = resolved.Value;

            var teamName = await db.Teams.Where(t => t.Id == query.TeamId).Select(t => t.Name).FirstAsync(ct);
            var members = await (from m in db.TeamMembers
                                 where m.TeamId == query.TeamId
                                 join u in db.Users on m.UserId equals u.Id
                                 join c in db.Colleagues on u.ColleagueId equals c.Id into linked
                                 from c in linked.DefaultIfEmpty()
                                 select new { u.Id, u.ColleagueId, Name = c != null ? c.Name : u.Email ?? u.Id, m.Manager })
                .ToListAsync(ct);
            var rates = await db.ReadExchangeRatesAsync(ct);

            var open = owners.Deals(db).Where(o => o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost);
            // The summaries are read with deals the caller already reads: their own access filter would check each again.
            var summaries = db.AnalysisSummaries.IgnoreQueryFilters([AppDbContext.Filters.Access]);
            var rows = from o in open
                       join s in summaries on o.Id equals s.OpportunityId into judged
                       from s in judged.DefaultIfEmpty()
                       select new
                       {
                           o.Id, o.OwnerId, o.Objective.Amount, o.Objective.Currency,
                           Premature = s != null && s.Premature,
                           Critical = s != null ? s.CriticalCount : 0,
                           Flags = s != null && s.RedFlagCount > 0 ? s.RedFlags : null,
                       };

            var tallies = new Dictionary<Guid, Tally>();
            var rules = new Dictionary<string, (int Flags, int Deals)>(StringComparer.Ordinal);
            // The ten riskiest kept as they stream by: the least risky of them is dropped when an eleventh comes.
            var riskiest = new PriorityQueue<Risky, Risky>(RiskyOrder.LeastFirst);
            var unconverted = 0;
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                var tally = tallies.TryGetValue(row.OwnerId!.Value, out var t) ? t : tallies[row.OwnerId!.Value] = new Tally();
                tally.Open++;
                if (row.Amount is { } amount && row.Currency is { } currency)
                    tally.AmountByCurrency[currency] = tally.AmountByCurrency.GetValueOrDefault(currency) + amount;
                if (rates.IsUnconverted(row.Amount, row.Currency)) { tally.Unconverted++; unconverted++; }
                if (row.Premature) tally.Premature++;
                if (row.Flags is { } flags)
                {
                    // A plain loop, not a GroupBy per deal: this runs for every open deal of the team.
                    for (var i = 0; i < flags.Count; i++)
                    {
                        var rule = flags[i].Id;
                        var firstOfRule = true;
                        for (var j = 0; j < i && firstOfRule; j++) firstOfRule = flags[j].Id != rule;
                        var (count, deals) = rules.GetValueOrDefault(rule);
                        rules[rule] = (count + 1, firstOfRule ? deals + 1 : deals);
                        if (firstOfRule && rule == StaleRule) tally.Stale++;
                    }
                }
                if (row.Critical > 0 && rates.ToBase(row.Amount, row.Currency) is { } inBase && inBase > 0)
                {
                    var risky = new Risky(row.Id, row.Critical * inBase, inBase, row.Critical);
                    riskiest.Enqueue(risky, risky);
                    if (riskiest.Count > RiskiestCount) riskiest.Dequeue();
                }
            }

            // Quota, won, weighted, coverage and gap have their one home in the funnel principle's figures.
            var coverage = (await db.ForMembersAsync([.. members.Select(m => m.Id)], period.Value, ct)).ToDictionary(c => c.UserId, StringComparer.Ordinal);
            var answerMembers = members
                .Select(m =>
                {
                    var tally = m.ColleagueId is { } colleague && tallies.TryGetValue(colleague, out var t) ? t : new Tally();
                    // Σ amount × rate = rate × Σ amount: each currency's total is converted once.
                    var amount = tally.AmountByCurrency.Sum(p => rates.ToBase(p.Value, p.Key) ?? 0m);
                    var figures = coverage[m.Id];
                    return new Member(m.Id, m.ColleagueId, m.Name, m.Manager, tally.Open, amount, tally.Unconverted, tally.Premature, tally.Stale,
                        figures.Quota, figures.Won, figures.Weighted, figures.Coverage, figures.Gap);
                })
                .OrderByDescending(m => m.Open).ThenBy(m => m.Name, StringComparer.CurrentCulture).ThenBy(m => m.UserId, StringComparer.Ordinal)
                .ToList();

            var redFlags = rules
                .Select(r => new RuleCount(r.Key, RedFlagSeverities.Of(r.Key), r.Value.Flags, r.Value.Deals))
                .OrderByDescending(r => r.Flags).ThenBy(r => ContractOrder(r.Rule)).ToList();

            return new Answer(query.TeamId, teamName, period.Value.Text, rates.BaseCurrency, unconverted, answerMembers, redFlags,
                await RiskiestAsync(riskiest, rates, ct), await ChangesAsync(open, query.Page, ct));
        }

        private async Task<IReadOnlyList<RiskyDeal>> RiskiestAsync(PriorityQueue<Risky, Risky> riskiest, ExchangeRates rates, CancellationToken ct)
        {
            var chosen = riskiest.UnorderedItems.Select(i => i.Element).ToDictionary(r => r.Id);
            if (chosen.Count == 0) return [];
            var ids = chosen.Keys.ToList();
            var deals = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new
                {
                    o.Id, o.Name, o.AccountId, AccountName = o.Account!.Name, OwnerName = o.Owner != null ? o.Owner.Name : null, o.FunnelLevel,
                    o.Objective.Amount, o.Objective.Currency,
                })
                .ToListAsync(ct);
            return [.. deals
                .Select(d => (Deal: d, Risky: chosen[d.Id]))
                .OrderBy(d => d.Risky, RiskyOrder.MostFirst)
                .Select(d => new RiskyDeal(d.Deal.Id, d.Deal.Name, d.Deal.AccountId, d.Deal.AccountName, d.Deal.OwnerName, d.Deal.FunnelLevel,
                    d.Deal.Amount!.Value, d.Deal.Currency!, d.Risky.Amount, d.Risky.Critical, d.Risky.Risk))];
        }

        private async Task<Paged<DealChanges>> ChangesAsync(IQueryable<Opportunity> open, PageRequest page, CancellationToken ct)
        {
            // Both are read for deals the caller already reads (the outer query): their own filters would check each line again.
            var history = db.ChangeRecords.IgnoreQueryFilters([AppDbContext.Filters.Access]);
            var reviews = db.Reviews.IgnoreQueryFilters([AppDbContext.Filters.Access]);
            var total = await open.CountAsync(ct);
            var items = await open
                .Select(o => new
                {
                    o.Id, o.Name, o.AccountId, AccountName = o.Account!.Name, OwnerName = o.Owner != null ? o.Owner.Name : null, o.FunnelLevel,
                    LastReviewedAt = reviews.Where(r => r.OpportunityId == o.Id).OrderByDescending(r => r.At).Select(r => (DateTimeOffset?)r.At).FirstOrDefault(),
                    // A line counts when no review came at or after it; the review's own line is not a change to review.
                    Changes = history.Count(c => c.OpportunityId == o.Id && c.Entity != ChangeHistory.ReviewEntity
                        && !reviews.Any(r => r.OpportunityId == o.Id && r.At >= c.At)),
                })
                .OrderByDescending(d => d.Changes).ThenBy(d => d.Name).ThenBy(d => d.Id)
                .Skip(page.Skip).Take(page.Take)
                .ToListAsync(ct);
            return new Paged<DealChanges>(
                [.. items.Select(d => new DealChanges(d.Id, d.Name, d.AccountId, d.AccountName, d.OwnerName, d.FunnelLevel, d.LastReviewedAt, d.Changes))],
                total);
        }
    }

    private const string StaleRule = "stale";

    private static int ContractOrder(string rule)
    {
        for (var i = 0; i < RedFlagIds.All.Count; i++) if (RedFlagIds.All[i] == rule) return i;
        return int.MaxValue;
    }

    private sealed record Risky(Guid Id, decimal Risk, decimal Amount, int Critical);

    /// <summary>Riskiest first: risk, then amount in the base currency, then id (so a tie is always broken the same way).</summary>
    private sealed class RiskyOrder(int sign) : IComparer<Risky>
    {
        public static readonly RiskyOrder MostFirst = new(1);
        public static readonly RiskyOrder LeastFirst = new(-1);

        public int Compare(Risky? x, Risky? y)
        {
            var order = y!.Risk.CompareTo(x!.Risk);
            if (order == 0) order = y.Amount.CompareTo(x.Amount);
            if (order == 0) order = x.Id.CompareTo(y.Id);
            return sign * order;
        }
    }

    private sealed class Tally
    {
        public int Open;
        public int Unconverted;
        public int Premature;
        public int Stale;
        public readonly Dictionary<string, decimal> AmountByCurrency = new(StringComparer.Ordinal);
    }
}
