using System.Globalization;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calls;

/// <summary>
/// The question bank's suggestions for a call with some of the deal's people, in the caller's language: their roles
/// and seniority decide which questions come (the top officer's results-first ones lead).
/// </summary>
public static class SuggestCallQuestions
{
    /// <param name="With">Influence ids of the deal, comma-separated as the query string carries them; none for general questions.</param>
    public sealed record Query(Guid OpportunityId, string? With);

    /// <summary>A call meets a handful of people; the bound keeps a hostile query string cheap.</summary>
    private const int MaxPeople = 100;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<SuggestedQuestions>>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == query.OpportunityId, ct)) return Versions.NotFound("opportunity", query.OpportunityId);
            var wanted = (query.With ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (wanted.Length > MaxPeople) return Error.Invalid("with", Messages.Format("TooMany", MaxPeople));
            var influences = await db.BuyingInfluences.AsNoTracking().Where(i => i.OpportunityId == query.OpportunityId)
                .Select(i => new { i.Key, i.Roles, i.Person!.Seniority }).ToListAsync(ct);
            var validation = new Validation();
            foreach (var key in wanted.Where(k => influences.All(i => i.Key != k)))
                validation.Add("with", Messages.Format("UnknownInfluenceKey", key));
            if (validation.HasErrors) return validation.ToError();
            var met = influences.Where(i => wanted.Contains(i.Key)).Select(i => (i.Roles, i.Seniority));
            return QuestionBank.For(met, CultureInfo.CurrentUICulture).ToList();
        }
    }
}
