using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Swot;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Swot;

/// <summary>One SWOT (of a deal or of an account); <see cref="Version"/> is 0 while none has been saved.</summary>
public sealed record SwotDetail(IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses, IReadOnlyList<string> Opportunities,
    IReadOnlyList<string> Threats, int Version)
{
    public static readonly SwotDetail None = new([], [], [], [], 0);

    public static SwotDetail From(SwotAnalysis? swot) =>
        swot is null ? None : new(swot.Strengths, swot.Weaknesses, swot.Opportunities, swot.Threats, swot.Version);
}

/// <summary>Whose SWOT: exactly one of a deal or an account.</summary>
public sealed record SwotOf(Guid? OpportunityId, Guid? AccountId)
{
    public static SwotOf Opportunity(Guid id) => new(id, null);
    public static SwotOf Account(Guid id) => new(null, id);

    /// <summary>Null when the caller may not read the deal or account (a 404, like the record itself).</summary>
    internal async Task<Error?> CheckExistsAsync(AppDbContext db, CancellationToken ct) => (OpportunityId, AccountId) switch
    {
        ({ } o, _) => await db.Opportunities.AnyAsync(x => x.Id == o, ct) ? null : Versions.NotFound("opportunity", o),
        (_, { } a) => await db.Accounts.AnyAsync(x => x.Id == a, ct) ? null : Versions.NotFound("account", a),
        _ => throw new InvalidOperationException("A SWOT belongs to a deal or an account."),
    };

    internal IQueryable<SwotAnalysis> Query(AppDbContext db) =>
        OpportunityId is { } o ? db.Swots.Where(s => s.OpportunityId == o) : db.Swots.Where(s => s.AccountId == AccountId);
}
