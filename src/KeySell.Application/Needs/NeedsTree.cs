using KeySell.Application.Data;
using KeySell.Application.Sheets;
using KeySell.Domain.Needs;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Needs;

/// <summary>One node of a deal's needs tree as the API reads it: its row id (kept across saves), and its children in order.</summary>
public sealed record NeedItem(Guid Id, NeedLayer? Layer, string Problem, string? Solution, IReadOnlyList<NeedItem> Children);

/// <summary>
/// A deal's needs tree: <see cref="Version"/> is 0 when none has been drawn (then <see cref="Checks"/> is null, as the
/// analysis' <c>needs</c> is); <see cref="Checks"/> are self-check 3-1 as the engine judges them.
/// </summary>
public sealed record NeedsDetail(string? CurrentState, IReadOnlyList<NeedItem> Branches, NeedsChecks? Checks, int Version);

/// <summary>Reads the tree from its rows with their ids, for the needs endpoint and the outline editor.</summary>
internal static class NeedsTree
{
    public static async Task<NeedsDetail> LoadAsync(AppDbContext db, Guid opportunityId, CancellationToken ct)
    {
        var head = await db.NeedsAnalyses.AsNoTracking().FirstOrDefaultAsync(n => n.OpportunityId == opportunityId, ct);
        if (head is null) return new NeedsDetail(null, [], null, 0);
        var nodes = await db.NeedNodes.AsNoTracking().Where(n => n.OpportunityId == opportunityId).ToListAsync(ct);
        // The checks read the tree as the sheet carries it, the form the engine judges.
        var checks = NeedsChecks.Of(new SheetNeeds(head.CurrentState, NeedTree.Branches(nodes)));
        return new NeedsDetail(head.CurrentState, Build(nodes), checks, head.Version);
    }

    /// <summary>Nodes by parent, each level by position; a node whose parent is missing would be unreachable, so it is left out.</summary>
    public static IReadOnlyList<NeedItem> Build(IReadOnlyList<NeedNode> nodes)
    {
        var byParent = nodes.ToLookup(n => n.ParentId);
        return Level(null, 0);

        IReadOnlyList<NeedItem> Level(Guid? parent, int depth) =>
            depth >= NeedsAnalysis.MaxDepth + 1
                ? []
                : byParent[parent].OrderBy(n => n.Position).ThenBy(n => n.Id)
                    .Select(n => new NeedItem(n.Id, n.Layer, n.Problem, n.Solution, Level(n.Id, depth + 1))).ToList();
    }
}
