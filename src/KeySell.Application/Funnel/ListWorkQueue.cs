using System.Linq.Expressions;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Money;
using KeySell.Application.Opportunities;
using KeySell.Application.RedFlags;
using KeySell.Application.Resources;
using KeySell.Application.Sheets;
using KeySell.Domain.Actions;
using KeySell.Domain.Money;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RedFlags;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Funnel;

/// <summary>One deal of the work queue (the funnel contract's "Work queue (Home)").</summary>
/// <param name="RedFlags">From the stored analysis summary; null while a deal has none yet (the daily run fills it in).</param>
/// <param name="Critical">Of those, how many are critical.</param>
/// <param name="TopFlag">The first stored flag in the engine's (contract) order, worded in the caller's language.</param>
/// <param name="NextAction">The deal's earliest open action (soonest due day, undated last, then the plan's order), or null when it has none.</param>
public sealed record WorkQueueItem(
    Guid Id,
    string Name,
    WorkQueueItem.Party Account,
    FunnelLevel Level,
    decimal? Amount,
    string? Currency,
    DateOnly? CloseDate,
    WorkQueueItem.Party? Owner,
    int? RedFlags,
    int? Critical,
    WorkQueueItem.Flag? TopFlag,
    bool Premature,
    WorkQueueItem.Step? NextAction)
{
    public sealed record Party(Guid Id, string Name);

    /// <param name="Id">The action's sheet id within the deal.</param>
    /// <param name="Overdue">Open and due before today (<see cref="ActionDue.IsOverdue"/>).</param>
    public sealed record Step(string Id, string Text, DateOnly? Due, bool Overdue, string? Owner);

    /// <param name="Influence">The sheet id of the influence it concerns; null for a flag about the whole deal.</param>
    public sealed record Flag(string Id, string? Influence, RedFlagSeverity Severity, string Message);

    // The flat names the other lists use (accountId, accountName, ownerId, ownerName), so a client of
    // /api/opportunities reads a queue item the same way.
    public Guid AccountId => Account.Id;
    public string AccountName => Account.Name;
    public Guid? OwnerId => Owner?.Id;
    public string? OwnerName => Owner?.Name;
}

/// <summary>
/// The work queue: the open deals of a scope (me, a team, all — <see cref="PipelineScope"/>) in the
/// method's order, a page at a time — best few, above, in, universe; inside a level the deal that
/// closes soonest (none last), then the largest amount in the base currency (unconverted last), then
/// the name. Red flags, critical count and premature come from the stored analysis summaries; only
/// the top flag of each row on the page is put into words (decision 0019).
/// </summary>
public static class ListWorkQueue
{
    /// <param name="Language"><c>en</c> or <c>zh-CN</c>; null for the request's culture.</param>
    public sealed record Query(PipelineScope Scope, PageRequest Page, string? Language = null);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<Paged<WorkQueueItem>>> Handle(Query query, CancellationToken ct)
        {
            RedFlagWords words;
            try
            {
                words = query.Language is null ? RedFlagWords.Current : RedFlagWords.For(query.Language);
            }
            catch (ArgumentException)
            {
                return Error.Invalid("lang", Messages.Format("UnknownValue", query.Language, "en, zh-CN"));
            }

            var owners = await db.ResolveAsync(query.Scope, ct);
            if (owners.Error is { } error) return error;
            var rates = await db.ReadExchangeRatesAsync(ct);

            var deals = OpenDeals(owners.Value);
            var (total, estimate) = await CountAsync(owners.Value, deals, ct);

            // Ordered before projecting: EF cannot sort on the members of a positional record.
            var page = await InQueueOrder(deals, rates)
                .Skip(query.Page.Skip).Take(query.Page.Take)
                .Select(o => new
                {
                    o.Id, o.Name, o.AccountId, AccountName = o.Account!.Name, o.FunnelLevel, o.Objective.Amount, o.Objective.Currency,
                    o.Objective.CloseDate, o.OwnerId, OwnerName = o.Owner != null ? o.Owner.Name : null,
                })
                .ToListAsync(ct);
            // The page's summaries by key, in a query of their own: as a subquery of the page, EF numbers every
            // summary of the table (ROW_NUMBER over 800,000 rows, 49 s on the 1M database) to pick one per deal.
            var pageIds = page.Select(o => o.Id).ToList();
            var summaries = await db.AnalysisSummaries.AsNoTracking().Where(s => pageIds.Contains(s.OpportunityId))
                .Select(s => new { s.OpportunityId, Stored = new Stored(s.RedFlagCount, s.CriticalCount, s.Premature, s.RedFlags, s.AsOf) })
                .ToDictionaryAsync(s => s.OpportunityId, s => s.Stored, ct);
            var rows = page.Select(o => new Row(
                o.Id, o.Name, o.AccountId, o.AccountName, o.FunnelLevel, o.Amount, o.Currency, o.CloseDate, o.OwnerId, o.OwnerName,
                summaries.GetValueOrDefault(o.Id))).ToList();

            var messages = await TopFlagMessagesAsync(rows, words, ct);
            var nextActions = await NextActionsAsync(pageIds, ct);
            var items = rows.Select(r => new WorkQueueItem(
                r.Id, r.Name, new WorkQueueItem.Party(r.AccountId, r.AccountName), r.Level, r.Amount, r.Currency, r.CloseDate,
                r.OwnerId is { } ownerId ? new WorkQueueItem.Party(ownerId, r.OwnerName ?? "") : null,
                r.Summary?.RedFlagCount, r.Summary?.CriticalCount,
                r.Summary?.RedFlags.FirstOrDefault() is { } top
                    ? new WorkQueueItem.Flag(top.Id, top.Influence, top.Severity, messages.GetValueOrDefault(r.Id) ?? "")
                    : null,
                r.Summary?.Premature ?? false,
                nextActions.GetValueOrDefault(r.Id))).ToList();
            return new Paged<WorkQueueItem>(items, total, estimate);
        }

        /// <summary>
        /// The open deals of the scope, written so the database walks a queue index in order and stops at a full page
        /// (decision 0019). One owner (scope <c>me</c>): the scope's own equality on the owner, which seeks the (owner,
        /// queue order) index <c>IX_Opportunities_WorkQueueByOwner</c>. A team's many owners: hidden from every OwnerId
        /// index behind COALESCE (no colleague has the empty id), so the database walks the queue index and keeps the
        /// team's deals, instead of fetching and sorting every deal of the team (≈ 88,000 on the 1M database).
        /// Everything (<c>all</c>): the queue index itself. The access rules apply on top in every case.
        /// </summary>
        private IQueryable<Opportunity> OpenDeals(ScopedOwners owners)
        {
            var team = owners.ColleagueIds is { Count: > 1 } colleagues ? colleagues.ToArray() : null;
            var deals = team is not null
                ? db.Opportunities.AsNoTracking().Where(o => team.Contains(o.OwnerId ?? Guid.Empty))
                : owners.Deals(db);
            return deals.Where(o => o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost);
        }

        /// <summary>
        /// The paging total: the open deals in scope — from the funnel's running totals, exact, for a scope they can stand
        /// for (<see cref="FunnelTotals.CanAnswer"/>: me, a team, anything for an admin); otherwise counted under the access
        /// rules, exact up to <see cref="ListPages.ExactUpTo"/> and estimated above (<c>totalIsEstimate</c>).
        /// </summary>
        private async Task<(int Total, bool Estimate)> CountAsync(ScopedOwners owners, IQueryable<Opportunity> openDeals, CancellationToken ct) =>
            await FunnelTotals.OpenDealsAsync(db, owners, ct) is { } open
                ? ((int)Math.Min(open, int.MaxValue), false)
                : await ListPages.CountAsync(db, openDeals, db.Opportunities.IgnoreQueryFilters(), "Opportunities", o => o.Id, ct);

        /// <summary>
        /// Each page deal's next action — "the earliest open action" (funnel contract): the soonest due day, undated ones
        /// after every dated one, then the plan's order — in one grouped read of the page's deals along
        /// <c>IX_Actions_OpportunityId_Status_Due</c>.
        /// </summary>
        private async Task<Dictionary<Guid, WorkQueueItem.Step>> NextActionsAsync(List<Guid> pageIds, CancellationToken ct)
        {
            if (pageIds.Count == 0) return [];
            var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
            var firsts = await db.Actions.AsNoTracking()
                .Where(a => pageIds.Contains(a.OpportunityId) && a.Status == ActionStatus.Open)
                .GroupBy(a => a.OpportunityId)
                .Select(g => g.OrderBy(a => a.Due == null).ThenBy(a => a.Due).ThenBy(a => a.Position).ThenBy(a => a.Key)
                    .Select(a => new { a.OpportunityId, a.Key, a.Text, a.Due, Owner = a.Owner != null ? a.Owner.Name : null })
                    .First())
                .ToListAsync(ct);
            return firsts.ToDictionary(a => a.OpportunityId,
                a => new WorkQueueItem.Step(a.Key, a.Text, a.Due, ActionDue.IsOverdue(ActionStatus.Open, a.Due, today), a.Owner));
        }

        /// <summary>
        /// The words of each row's stored top flag. A message names people and facts of the sheet (who
        /// is the coach, what is missing), which the summary does not hold, so the page's deals — and
        /// only those, at most a page size — are read as sheets and judged as of the day their summary
        /// was, and the stored flag is worded as the analysis words it (decision 0019). They are read as
        /// the stored analysis reads them (<see cref="SheetGraph.ReadSheetsAsync"/>: flat, past the access
        /// rules — the ids are the page's, already read through them), so the words judge exactly the data
        /// the summary judged; EF's split include took most of the request (docs/performance.md).
        /// </summary>
        private async Task<Dictionary<Guid, string>> TopFlagMessagesAsync(List<Row> rows, RedFlagWords words, CancellationToken ct)
        {
            var flagged = rows.Where(r => r.Summary is { RedFlags.Count: > 0 }).ToDictionary(r => r.Id);
            var messages = new Dictionary<Guid, string>();
            if (flagged.Count == 0) return messages;
            var ids = flagged.Keys.ToList();
            var deals = await SheetGraph.ReadSheetsAsync(db, ids, ct);
            foreach (var deal in deals)
            {
                var summary = flagged[deal.Id].Summary!;
                var top = summary.RedFlags[0];
                var analysis = db.Analyzer.Analyze(ExportSheet.ToSheet(deal, summary.AsOf), summary.AsOf);
                var flag = analysis.RedFlags.FirstOrDefault(f => f.Id == top.Id && f.Influence?.Id == top.Influence);
                if (flag is not null) messages[deal.Id] = words.Describe(flag, analysis).Message;
            }
            return messages;
        }
    }

    /// <summary>
    /// The queue's order as SQL. The amount in the base currency is the amount times its currency's
    /// rate, both known only in memory, so the rate table becomes a CASE over the currency; the
    /// product is a double (SQLite keeps decimals as text and cannot order them) — exact enough to
    /// order amounts of up to 15 significant digits on both databases. Unconverted amounts (no rate)
    /// give null and sort after every converted one, as do deals with no amount.
    /// </summary>
    internal static IOrderedQueryable<Opportunity> InQueueOrder(IQueryable<Opportunity> deals, ExchangeRates rates) =>
        ThenByAmountAndName(
            deals
                .OrderBy(o => o.FunnelLevel == FunnelLevel.BestFew ? 0
                    : o.FunnelLevel == FunnelLevel.Above ? 1
                    : o.FunnelLevel == FunnelLevel.In ? 2
                    : 3)
                .ThenBy(o => o.Objective.CloseDate == null)
                .ThenBy(o => o.Objective.CloseDate),
            rates);

    /// <summary>
    /// The queue's order inside one level (the funnel board's column, won and lost included): the level's rank is the
    /// same for every deal, so it is left out, and the database walks <c>IX_Opportunities_Board</c>
    /// (level, no close date, close date) from the level's first entry instead of sorting the level's deals.
    /// </summary>
    internal static IOrderedQueryable<Opportunity> InLevelOrder(IQueryable<Opportunity> oneLevel, ExchangeRates rates) =>
        ThenByAmountAndName(oneLevel.OrderBy(o => o.Objective.CloseDate == null).ThenBy(o => o.Objective.CloseDate), rates);

    private static IOrderedQueryable<Opportunity> ThenByAmountAndName(IOrderedQueryable<Opportunity> byCloseDate, ExchangeRates rates) =>
        byCloseDate
            .ThenBy(AmountInBaseIsNull(rates))
            .ThenByDescending(AmountInBase(rates))
            .ThenBy(o => o.Name).ThenBy(o => o.Id);

    private static Expression<Func<Opportunity, bool>> AmountInBaseIsNull(ExchangeRates rates)
    {
        var amount = AmountInBase(rates);
        return Expression.Lambda<Func<Opportunity, bool>>(Expression.Equal(amount.Body, Expression.Constant(null, typeof(double?))), amount.Parameters);
    }

    /// <summary><c>(double)amount × CASE currency WHEN … THEN rate … ELSE NULL END</c>, the rates written in as constants.</summary>
    private static Expression<Func<Opportunity, double?>> AmountInBase(ExchangeRates rates)
    {
        Expression<Func<Opportunity, string?>> currencyOf = o => o.Objective.Currency;
        Expression<Func<Opportunity, double?>> amountOf = o => (double?)o.Objective.Amount;
        var deal = currencyOf.Parameters[0];
        var amount = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(amountOf.Parameters[0], deal, amountOf.Body);
        Expression rate = Expression.Constant(null, typeof(double?));
        foreach (var (currency, value) in rates.Rates.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            rate = Expression.Condition(
                Expression.Equal(currencyOf.Body, Expression.Constant(currency, typeof(string))),
                Expression.Constant((double)value, typeof(double?)),
                rate);
        }
        return Expression.Lambda<Func<Opportunity, double?>>(Expression.Multiply(amount, rate), deal);
    }

    private sealed record Stored(int RedFlagCount, int CriticalCount, bool Premature, List<StoredRedFlag> RedFlags, DateOnly AsOf);

    private sealed record Row(
        Guid Id, string Name, Guid AccountId, string AccountName, FunnelLevel Level, decimal? Amount, string? Currency,
        DateOnly? CloseDate, Guid? OwnerId, string? OwnerName, Stored? Summary);
}
