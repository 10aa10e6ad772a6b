using KeySell.Application.Opportunities;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Sheets;

/// <summary>
/// A sheet with the state it was read at. <see cref="Tag"/> (the API's ETag) covers the opportunity
/// and every influence row, because a row is edited on its own and must not be overwritten unseen
/// by a whole-sheet save based on an older read.
/// </summary>
public sealed record VersionedSheet(StrategySheet Sheet, int Version, string Tag);

public static class SheetTag
{
    /// <summary>Stable across processes (unlike <see cref="HashCode"/>), so any app server can check any other's tag.</summary>
    public static string Of(int opportunityVersion, IEnumerable<(Guid Id, int Version)> influences)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var hash = offset;
        foreach (var (id, version) in influences.OrderBy(i => i.Id))
        {
            foreach (var b in id.ToByteArray()) hash = (hash ^ b) * prime;
            for (var shift = 0; shift < 32; shift += 8) hash = (hash ^ (byte)(version >> shift)) * prime;
        }
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{opportunityVersion}.{hash:x16}");
    }
}

/// <summary>One opportunity's strategy as a portable sheet, judged as of today.</summary>
public static class ExportSheet
{
    public sealed record Query(Guid OpportunityId);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<StrategySheet>> Handle(Query query, CancellationToken ct) =>
            (await HandleVersioned(query, ct)).Match<Result<StrategySheet>>(v => v.Sheet, e => e);

        public async Task<Result<VersionedSheet>> HandleVersioned(Query query, CancellationToken ct)
        {
            var o = await db.Opportunities.AsNoTracking().WithSheet()
                .FirstOrDefaultAsync(x => x.Id == query.OpportunityId, ct);
            if (o is null) return Versions.NotFound("opportunity", query.OpportunityId);

            var sheet = ToSheet(o, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
            return new VersionedSheet(sheet, o.Version, SheetTag.Of(o.Version, o.Influences.Select(i => (i.Id, i.Version))));
        }
    }

    /// <summary>A deal with its account, influences (with person and counterpart) and lists, as a sheet judged as of a day.</summary>
    internal static StrategySheet ToSheet(Domain.Opportunities.Opportunity o, DateOnly asOf) => new(
        asOf,
        new SheetOpportunity(
            o.Name, o.Account!.Name, o.Account.IdealCustomerScore,
            new SheetObjective(o.Objective.Product, o.Objective.Quantity, o.Objective.Amount, o.Objective.Currency, o.Objective.CloseDate),
            o.Engagement, o.FunnelLevel, o.ExpectedOutcome),
        o.Influences.OrderBy(i => i.Position).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new SheetInfluence(
                i.Key, i.Person!.Name, i.Person.Title, i.Roles, i.Influence, i.Support, i.Contact, i.Mode,
                i.Counterpart?.Name, i.Person.Status, i.Since, i.LastContact, i.Wins, i.Results))
            .ToList(),
        o.Strengths.OrderBy(s => s.Position).Select(s => new SheetStrength(s.Text, s.Addresses)).ToList(),
        o.Objections.OrderBy(x => x.Position).Select(x => new SheetObjection(x.FromKey, x.Text, x.Status)).ToList(),
        o.RedFlags.OrderBy(f => f.Position).Select(f => new SheetRedFlag(f.Text, f.InfluenceKey)).ToList());
}
