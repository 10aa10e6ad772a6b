using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Sheets;

/// <summary>One deal's sheet, judged, with what its one-page document shows beside it (the owner, the account's id).</summary>
public sealed record OnePageSheet(Guid OpportunityId, Guid AccountId, string? Owner, SheetAnalysis Analysis, string Tag)
{
    public StrategySheet Sheet => Analysis.Sheet;
}

/// <summary>
/// Everything the one-page documents (PDF, Excel) of a deal or of a whole account need: each deal's sheet as the
/// export writes it (<see cref="ExportSheet.ToSheet"/>), judged by the team's analyzer as of today, with its owner.
/// Read through the access rules like any query, so an account's document holds only the deals the caller may read.
/// </summary>
public static class GetOnePageSheets
{
    /// <summary>More open deals than this in one account are refused (the account PDF is built in one request's memory).</summary>
    public const int MaxDealsPerAccount = 200;

    /// <param name="OpportunityId">One deal, whatever its funnel level.</param>
    /// <param name="AccountId">Every open deal (not won, not lost) of the account, by name.</param>
    public sealed record Query(Guid? OpportunityId = null, Guid? AccountId = null);

    public sealed record Pages(string? AccountName, IReadOnlyList<OnePageSheet> Sheets);

    public sealed class Handler(AppDbContext db, StrategyAnalyzer analyzer, TimeProvider time)
    {
        public async Task<Result<Pages>> Handle(Query query, CancellationToken ct)
        {
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            if (query.OpportunityId is { } id)
            {
                var deal = await db.Opportunities.AsNoTracking().WithSheet().Include(o => o.Owner).FirstOrDefaultAsync(o => o.Id == id, ct);
                if (deal is null) return Versions.NotFound("opportunity", id);
                return new Pages(deal.Account!.Name, [Page(deal, today)]);
            }

            var accountId = query.AccountId ?? throw new ArgumentException("A deal or an account is required.", nameof(query));
            var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Name }).FirstOrDefaultAsync(ct);
            if (account is null) return Versions.NotFound("account", accountId);

            var open = db.Opportunities.Where(o => o.AccountId == accountId && o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost);
            var count = await open.CountAsync(ct);
            if (count > MaxDealsPerAccount)
                return Error.Invalid("id", Resources.Messages.Format("OnePage.TooManyDeals", count, MaxDealsPerAccount));

            var deals = await open.AsNoTracking().WithSheet().Include(o => o.Owner).ToListAsync(ct);
            return new Pages(account.Name, deals
                .OrderBy(o => o.Name, StringComparer.CurrentCulture).ThenBy(o => o.Id)
                .Select(o => Page(o, today)).ToList());
        }

        private OnePageSheet Page(Opportunity o, DateOnly today) =>
            new(o.Id, o.AccountId, o.Owner?.Name, analyzer.Analyze(ExportSheet.ToSheet(o, today), today), SheetTag.Of(o));
    }
}
