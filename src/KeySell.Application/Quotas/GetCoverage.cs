using System.Text.Json.Serialization;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Quotas;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Quotas;

/// <summary>
/// A seller's coverage of their quota for a period and what the quota needs at each funnel level:
/// the one page a seller brings to the quota conversation (contract: quota and coverage).
/// </summary>
/// <remarks>
/// Who may read it: the user themselves, a manager of one of their teams, an admin. Anyone else
/// gets 403 (users are no secret: everyone reads the colleague directory); an unknown user and a
/// user without a quota for the period are 404 (decision 0020).
/// </remarks>
public static class GetCoverage
{
    public sealed record Query(string? UserId, string? Period);

    /// <summary>The contract's fields first, then what a reader also needs: whose, in what currency, and what was left out.</summary>
    public sealed record Sheet(
        string Period, decimal Quota, decimal Won, decimal Weighted, decimal? Coverage, decimal Gap,
        Rates WinRates, string RatesFrom, decimal? TypicalDeal, Needs Needed,
        string UserId, string BaseCurrency, int Unconverted, Sources RatesFromByLevel);

    public sealed record Rates(decimal Above, decimal In, [property: JsonPropertyName("best-few")] decimal BestFew);

    public sealed record Need(decimal? Amount, int? Deals);

    public sealed record Needs(Need Above, Need In, [property: JsonPropertyName("best-few")] Need BestFew);

    public sealed record Sources(string Above, string In, [property: JsonPropertyName("best-few")] string BestFew);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Sheet>> Handle(Query query, CancellationToken ct)
        {
            var period = QuotaPeriod.Parse(query.Period);
            if (period.Error is { } invalid) return invalid;
            var userId = string.IsNullOrWhiteSpace(query.UserId) ? db.CallerUserId : query.UserId.Trim();
            // The operator (CLI) is nobody's seller: they name the user.
            if (userId.Length == 0) return Error.Invalid("userId", Messages.Format("Required"));
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
                return Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity.user"), Texts.Cut(userId, 64)));
            if (userId != db.CallerUserId && !await db.MayManageUserAsync(userId, ct))
                return Error.Forbidden(Messages.Format("Quota.CoverageNotYours"));

            var figures = (await db.FiguresAsync([userId], period.Value, ct))[0];
            var member = figures.Member;
            if (member.Quota is not { } quota) return Error.NotFound(Messages.Format("Quota.NoneForPeriod", period.Value.Text));

            var typical = await db.TypicalDealAsync(member.ColleagueId, ct);
            var rates = figures.Rates;
            var gap = member.Gap!.Value;
            Need NeedAt(FunnelLevel level)
            {
                var (amount, deals) = CoverageFormula.Needed(gap, rates.Rates.For(level), typical);
                return new Need(Plain(amount), deals);
            }
            string Source(FunnelLevel level) => rates.FromHistory(level) ? "history" : "defaults";

            return new Sheet(
                period.Value.Text, Plain(quota), Plain(member.Won), Plain(member.Weighted), member.Coverage, Plain(gap),
                new Rates(Plain(rates.Rates.Above), Plain(rates.Rates.In), Plain(rates.Rates.BestFew)), rates.RatesFrom, Plain(typical),
                new Needs(NeedAt(FunnelLevel.Above), NeedAt(FunnelLevel.In), NeedAt(FunnelLevel.BestFew)),
                userId, figures.BaseCurrency, figures.Unconverted,
                new Sources(Source(FunnelLevel.Above), Source(FunnelLevel.In), Source(FunnelLevel.BestFew)));
        }
    }

    /// <summary>
    /// The same number without trailing zeros (200000.0000000000 → 200000): a converted amount
    /// carries the rate's scale, which says nothing to a reader.
    /// </summary>
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Plain(decimal? value) => value is { } v ? Plain(v) : null;
}
