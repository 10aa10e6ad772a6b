using KeySell.Application.Opportunities;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Sheets;

/// <summary>
/// A sheet with the state it was read at. <see cref="Tag"/> (the API's ETag) covers the opportunity and every row
/// saved on its own (influences, milestones, calls, actions, the needs tree's head, the SWOT, influence lines),
/// because such a row is edited by itself and must not be overwritten unseen by a whole-sheet save based on an
/// older read.
/// </summary>
public sealed record VersionedSheet(StrategySheet Sheet, int Version, string Tag);

public static class SheetTag
{
    /// <summary>The tag of a deal read with its whole sheet.</summary>
    public static string Of(Domain.Opportunities.Opportunity o) => Of(o.Version, Rows(o));

    private static IEnumerable<(Guid Id, int Version)> Rows(Domain.Opportunities.Opportunity o)
    {
        IEnumerable<Domain.Common.AuditedEntity> rows = [.. o.Influences, .. o.Milestones, .. o.Calls, .. o.Actions, .. o.InfluenceLines];
        if (o.Needs is { } needs) rows = rows.Append(needs);
        if (o.Swot is { } swot) rows = rows.Append(swot);
        return rows.Select(r => (r.Id, r.Version));
    }

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
            return new VersionedSheet(sheet, o.Version, SheetTag.Of(o));
        }
    }

    /// <summary>
    /// A deal with its account, influences (with person and counterpart), lists and selling toolkit, as a version-2
    /// sheet judged as of a day: a stored deal is always a version-2 sheet, whatever version it was imported from.
    /// </summary>
    internal static StrategySheet ToSheet(Domain.Opportunities.Opportunity o, DateOnly asOf) => new(
        asOf,
        new SheetOpportunity(
            o.Name, o.Account!.Name, o.Account.IdealCustomerScore,
            new SheetObjective(o.Objective.Product, o.Objective.Quantity, o.Objective.Amount, o.Objective.Currency, o.Objective.CloseDate),
            o.Engagement, o.FunnelLevel, o.ExpectedOutcome) { CreatedOn = o.CreatedOn },
        o.Influences.OrderBy(i => i.Position).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new SheetInfluence(
                i.Key, i.Person!.Name, i.Person.Title, i.Roles, i.Influence, i.Support, i.Contact, i.Mode,
                i.Counterpart?.Name, i.Person.Status, i.Since, i.LastContact, i.Wins, i.Results) { Seniority = i.Person.Seniority })
            .ToList(),
        o.Strengths.OrderBy(s => s.Position).Select(s => new SheetStrength(s.Text, s.Addresses)).ToList(),
        o.Objections.OrderBy(x => x.Position).Select(x => new SheetObjection(x.FromKey, x.Text, x.Status)
        {
            Steps = ObjectionSteps.Parse(x.Steps),
            Answer = x.Answer,
        }).ToList(),
        o.RedFlags.OrderBy(f => f.Position).Select(f => new SheetRedFlag(f.Text, f.InfluenceKey)).ToList())
    {
        Version = 2,
        Milestones = o.Milestones.OrderBy(m => m.Milestone).Select(m => new SheetMilestone(m.Milestone, m.Done, m.Evidence)).ToList(),
        Calls = o.Calls.OrderBy(c => c.Position).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new SheetCall(c.Key, c.Date, c.With, c.Status, c.Commitment, c.Questions, c.Outcome, c.Notes)).ToList(),
        Actions = o.Actions.OrderBy(a => a.Position).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new SheetAction(a.Key, a.Text, a.Owner?.Name, a.Due, a.Status, a.InfluenceKey, a.Addresses)).ToList(),
        Needs = o.Needs is { } needs ? new SheetNeeds(needs.CurrentState, NeedTree.Branches(o.NeedNodes)) : null,
        Swot = o.Swot is { } swot ? new SheetSwot(swot.Strengths, swot.Weaknesses, swot.Opportunities, swot.Threats) : SheetSwot.Empty,
        InfluenceLines = o.InfluenceLines.OrderBy(l => l.Position).Select(l => new SheetInfluenceLine(l.FromKey, l.ToKey, l.Strength, l.Note)).ToList(),
    };
}

/// <summary>An objection's stored step ids as the method's steps, in the method's order (unknown ids, from no writer, are skipped).</summary>
internal static class ObjectionSteps
{
    public static IReadOnlyList<Domain.Objections.ObjectionStep> Parse(IEnumerable<string> ids) =>
        ids.Select(id => KeySell.Domain.Common.MethodIds.TryParse<Domain.Objections.ObjectionStep>(id, out var step) ? step : (Domain.Objections.ObjectionStep?)null)
            .OfType<Domain.Objections.ObjectionStep>().Distinct().Order().ToList();

    public static List<string> Ids(IEnumerable<Domain.Objections.ObjectionStep> steps) =>
        steps.Distinct().Order().Select(KeySell.Domain.Common.MethodIds.ToId).ToList();
}

/// <summary>The needs tree between its rows (parent and position) and the sheet's nested branches.</summary>
public static class NeedTree
{
    /// <summary>The first-level branches with their children, each level in position order.</summary>
    public static IReadOnlyList<SheetNeed> Branches(IEnumerable<Domain.Needs.NeedNode> nodes)
    {
        var byParent = nodes.ToLookup(n => n.ParentId);
        IReadOnlyList<SheetNeed> Level(Guid? parent) => byParent[parent].OrderBy(n => n.Position).ThenBy(n => n.Id)
            .Select(n => new SheetNeed(parent is null ? n.Layer : null, n.Problem, Level(n.Id), n.Solution)).ToList();
        return Level(null);
    }

    /// <summary>
    /// Rows for the sheet's branches, reusing the stored rows at the same place in the tree (same parent row, same
    /// position), so saving the tree as it was read changes no row.
    /// </summary>
    public static List<Domain.Needs.NeedNode> Rows(Guid opportunityId, IReadOnlyList<SheetNeed> branches, IReadOnlyList<Domain.Needs.NeedNode> stored)
    {
        var byPlace = stored.GroupBy(n => (n.ParentId, n.Position)).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<Domain.Needs.NeedNode>();
        void Add(IReadOnlyList<SheetNeed> level, Guid? parent)
        {
            for (var i = 0; i < level.Count; i++)
            {
                var need = level[i];
                var row = byPlace.GetValueOrDefault((parent, i)) ?? new Domain.Needs.NeedNode { OpportunityId = opportunityId, ParentId = parent, Position = i };
                byPlace.Remove((parent, i));
                row.Layer = parent is null ? need.Layer : null;
                row.Problem = need.Problem;
                row.Solution = need.Solution;
                rows.Add(row);
                Add(need.Children, row.Id);
            }
        }
        Add(branches, null);
        return rows;
    }
}
