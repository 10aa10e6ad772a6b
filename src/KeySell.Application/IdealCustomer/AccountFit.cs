using KeySell.Application.Data;
using KeySell.Domain.Accounts;
using KeySell.Domain.RedFlags.Rules;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.IdealCustomer;

/// <summary>One rating as the API shows it, with its criterion's name and weight for a reader's convenience.</summary>
public sealed record FitRatingItem(Guid CriterionId, string Name, int Weight, int? Rating, string? Note);

/// <summary>An account's fit: the stored score, the share of the weight rated, whether to prune it, and its ratings in the criteria's order.</summary>
public sealed record AccountFit(decimal? Score, decimal Coverage, bool Prune, IReadOnlyList<FitRatingItem> Ratings);

internal static class AccountFits
{
    public static async Task<AccountFit> ReadAsync(AppDbContext db, Guid accountId, decimal? score, CancellationToken ct)
    {
        var criteria = await FitCriteria.ReadAsync(db, ct);
        var ratings = await db.FitRatings.AsNoTracking().Where(r => r.AccountId == accountId).ToDictionaryAsync(r => r.CriterionId, ct);
        var items = criteria.Where(c => ratings.ContainsKey(c.Id))
            .Select(c => new FitRatingItem(c.Id, FitCriteria.Item(c).Name, c.Weight, ratings[c.Id].Rating, ratings[c.Id].Note)).ToList();
        var coverage = FitScore.Coverage(criteria.Select(c => new FitScore.Rated(c.Weight, ratings.GetValueOrDefault(c.Id)?.Rating)));
        return new AccountFit(Shown(score), coverage, Prune(db, score), items);
    }

    /// <summary>The score with its one decimal, whatever scale the database gave back (PostgreSQL's numeric(4,2) says 2.50).</summary>
    public static decimal? Shown(decimal? score) => score is { } s ? Math.Round(s, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>An account below the team's fit threshold is one to drop from the prospect list (the same test as <c>poor-fit</c>).</summary>
    public static bool Prune(AppDbContext db, decimal? score) => PoorFit.IsPoorFit(score, db.Analyzer.Settings);
}
