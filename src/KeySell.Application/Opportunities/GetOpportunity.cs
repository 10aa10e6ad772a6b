using KeySell.Application.BuyingInfluences;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

public sealed record OpportunityDetail(
    Guid Id,
    Guid AccountId,
    string AccountName,
    decimal? IdealCustomerScore,
    string Name,
    ObjectiveData Objective,
    Engagement? Engagement,
    FunnelLevel FunnelLevel,
    ExpectedOutcome? ExpectedOutcome,
    Guid? OwnerId,
    string? OwnerName,
    DateOnly? CreatedOn,
    int Version,
    IReadOnlyList<InfluenceDetail> Influences,
    IReadOnlyList<StrengthItem> Strengths,
    IReadOnlyList<RedFlagItem> RedFlags,
    IReadOnlyList<ObjectionItem> Objections,
    bool CanEdit);

public sealed record StrengthItem(string Text, IReadOnlyList<string> Addresses);

/// <summary>A manual red flag; <see cref="Influence"/> is the key of the influence it concerns.</summary>
public sealed record RedFlagItem(string Text, string? Influence);

/// <summary><see cref="From"/> is the key of the influence who raised it; <see cref="Steps"/> the handling steps taken, in the method's order.</summary>
public sealed record ObjectionItem(string? From, string Text, ObjectionStatus Status, IReadOnlyList<string> Steps, ObjectionAnswer? Answer);

/// <summary>
/// One opportunity with its whole strategy sheet: objective, influences in grid order, and the lists;
/// <c>CanEdit</c> says whether the caller may write it, so clients show a viewer plain text instead of inputs.
/// </summary>
public static class GetOpportunity
{
    public sealed record Query(Guid Id);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<OpportunityDetail>> Handle(Query query, CancellationToken ct) =>
            await LoadAsync(db, query.Id, ct) is { } detail ? detail : Versions.NotFound("opportunity", query.Id);
    }

    internal static async Task<OpportunityDetail?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var o = await db.Opportunities.AsNoTracking()
            .Include(x => x.Owner)
            .WithSheet()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return null;
        return new OpportunityDetail(
            o.Id, o.AccountId, o.Account!.Name, o.Account.IdealCustomerScore, o.Name, ObjectiveData.From(o.Objective), o.Engagement, o.FunnelLevel,
            o.ExpectedOutcome, o.OwnerId, o.Owner?.Name, o.CreatedOn, o.Version,
            o.Influences.OrderBy(i => i.Position).ThenBy(i => i.Key, StringComparer.Ordinal).Select(InfluenceDetail.From).ToList(),
            o.Strengths.OrderBy(s => s.Position).Select(s => new StrengthItem(s.Text, s.Addresses)).ToList(),
            o.RedFlags.OrderBy(f => f.Position).Select(f => new RedFlagItem(f.Text, f.InfluenceKey)).ToList(),
            o.Objections.OrderBy(x => x.Position).Select(x => new ObjectionItem(x.FromKey, x.Text, x.Status, x.Steps, x.Answer)).ToList(),
            await db.MayWriteOpportunityAsync(id, ct));
    }
}
